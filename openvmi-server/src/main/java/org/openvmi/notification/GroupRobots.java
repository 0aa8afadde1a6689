package org.openvmi.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.notification.internal.GroupRobotNotices;
import org.openvmi.notification.internal.GroupRobotRepository;
import org.openvmi.notification.model.GroupRobot;
import org.openvmi.notification.model.RobotMessages;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.AlertType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group robots configured apart from users (issue 19 part 2, ADR 0076): an admin manages every robot; a supplier user
 * only its own supplier's, which are always scoped to that supplier and never hear of approvals — another supplier's
 * robot is "not found" to it, even by id. The address is checked as a user's robot address is (the robots' hosts,
 * with its key / access_token); the secret is never shown back. A change may send the address masked as it is listed
 * (the stored one is kept) and a blank secret (the stored one is kept); a change that changes nothing writes nothing.
 * Every change is audited (entity GroupRobot, as listed: masked address, no secret).
 */
@Service
public class GroupRobots {

    private static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    private static final String ENTITY = "GroupRobot";

    private final GroupRobotRepository robots;
    private final GroupRobotNotices notices;
    private final CatalogRefs refs;
    private final RobotProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    GroupRobots(
            GroupRobotRepository robots,
            GroupRobotNotices notices,
            CatalogRefs refs,
            RobotProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.robots = robots;
        this.notices = notices;
        this.refs = refs;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<GroupRobotView> list() {
        return robots.list(PartyScope.current());
    }

    @Transactional(readOnly = true)
    public GroupRobotView get(long id) {
        return robots.find(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Group robot", id));
    }

    @Transactional
    public GroupRobotView create(GroupRobotCommand c) {
        long id = robots.insert(row(c, c.address(), null), CurrentUser.name(), clock.instant());
        GroupRobotView created = get(id);
        audit.record("CREATE", ENTITY, String.valueOf(id), null, created);
        return created;
    }

    /**
     * Changes a robot. An address equal to the stored one masked (as the list and the edit form show it) keeps the
     * stored address; an absent or blank secret keeps the stored secret, {@code removeSecret} removes it (audited as
     * {@code signed} true → false); nothing is written (nor audited) when the robot would not change.
     */
    @Transactional
    public GroupRobotView update(long id, GroupRobotCommand c) {
        boolean removeSecret = Boolean.TRUE.equals(c.removeSecret());
        GroupRobotView before = get(id); // 404 for another supplier's robot
        GroupRobot stored = robots.robot(id).orElseThrow();
        // The masked address as listed means "unchanged": the stored one is kept.
        String address = c.address() != null && c.address().trim().equals(RobotMessages.masked(stored.url()))
                ? stored.url()
                : c.address();
        GroupRobotRepository.Row row = row(c, address, removeSecret ? null : stored.secret());
        if (robots.row(id).filter(row::equals).isPresent()) {
            return before;
        }
        robots.update(id, row, clock.instant());
        return audited(id, before);
    }

    /** Switches a robot on or off; a disabled robot hears nothing (a test message still reaches it). */
    @Transactional
    public GroupRobotView setEnabled(long id, boolean enabled) {
        GroupRobotView before = get(id);
        if (before.enabled() == enabled) {
            return before;
        }
        robots.setEnabled(id, enabled, clock.instant());
        return audited(id, before);
    }

    /** The robot after a change, which is audited with the robot before it. */
    private GroupRobotView audited(long id, GroupRobotView before) {
        GroupRobotView after = get(id);
        audit.record("UPDATE", ENTITY, String.valueOf(id), before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        GroupRobotView before = get(id);
        robots.delete(id);
        audit.record("DELETE", ENTITY, String.valueOf(id), before, null);
    }

    /** Queues a test message to the robot (delivered, logged and retried as any other); returns the robot. */
    @Transactional
    public GroupRobotView sendTest(long id) {
        get(id);
        notices.test(robots.robot(id).orElseThrow(), clock.instant());
        return get(id);
    }

    /** The row of a command, with {@code givenAddress} for the command's (the stored one kept on a change). */
    private GroupRobotRepository.Row row(GroupRobotCommand c, String givenAddress, String storedSecret) {
        FieldErrors errors = new FieldErrors();
        String name = blankToNull(c.name());
        if (name == null) {
            errors.add("name", CodedRefusal.required());
        }
        NotificationChannel kind = c.kind();
        String address = blankToNull(givenAddress);
        if (kind == null || !kind.robot()) {
            errors.add("kind", CodedRefusal.of("robotKind", "must be WECOM or DINGTALK"));
        } else {
            properties.check(kind, address, errors, "address");
        }
        String secret = blankToNull(c.secret()) != null ? c.secret().trim() : storedSecret;
        if (Boolean.TRUE.equals(c.removeSecret()) && blankToNull(c.secret()) != null) {
            errors.add(
                    "removeSecret",
                    CodedRefusal.of("secretOrRemove", "give a new secret or remove the stored one, not both"));
        }
        if (kind == NotificationChannel.WECOM) {
            secret = null; // WeCom's group robots do not sign
        }
        PartyScope scope = PartyScope.current();
        Long supplierId = null;
        String supplier = blankToNull(c.supplier());
        if (!scope.seesAll()) {
            if (scope.supplierId() == null) {
                throw new NotFoundException("Supplier", "of the current user");
            }
            if (supplier != null && !supplier.equals(scope.supplierCode())) {
                errors.add("supplier", CodedRefusal.of("ownSupplier", "a supplier's robot is its own supplier's"));
            }
            if (Boolean.TRUE.equals(c.approvals())) {
                errors.add("approvals", CodedRefusal.of("buyerOnly", "approvals are the buyer's: not for a supplier"));
            }
            supplierId = scope.supplierId();
        } else if (supplier != null) {
            supplierId = refs.suppliers(List.of(supplier)).get(supplier);
            if (supplierId == null) {
                errors.add("supplier", CodedRefusal.unknown("supplier", supplier));
            } else if (Boolean.TRUE.equals(c.approvals())) {
                errors.add("approvals", CodedRefusal.of("buyerOnly", "approvals are the buyer's: not for a supplier"));
            }
        }
        Long warehouseId = null;
        String warehouse = blankToNull(c.warehouse());
        if (warehouse != null) {
            warehouseId = refs.warehouses(List.of(warehouse)).get(warehouse);
            if (warehouseId == null) {
                errors.add("warehouse", CodedRefusal.unknown("warehouse", warehouse));
            }
        }
        String language =
                blankToNull(c.language()) == null ? "zh-CN" : c.language().trim();
        if (!LANGUAGES.contains(language)) {
            errors.add("language", CodedRefusal.of("oneOf", "must be zh-CN or en"));
        }
        errors.throwIfAny();
        return new GroupRobotRepository.Row(
                name,
                kind,
                address,
                secret,
                warehouseId,
                supplierId,
                c.alerts() == null || c.alerts(),
                c.alertTypes() == null || c.alertTypes().isEmpty()
                        ? EnumSet.noneOf(AlertType.class)
                        : EnumSet.copyOf(c.alertTypes()),
                Boolean.TRUE.equals(c.approvals()),
                Boolean.TRUE.equals(c.toShip()),
                language,
                c.enabled() == null || c.enabled());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
