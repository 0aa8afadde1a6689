package org.openvmi.stockpolicy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.internal.AlertEvaluator;
import org.openvmi.stockpolicy.internal.StockPolicyRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on stock policies. A subject is an item in a warehouse (the API calls the warehouse "location": the
 * stocking point the lines apply to). Reads are party-scoped; people's changes are audited one by one, a planning
 * run's changes once per run.
 */
@Service
public class StockPolicies {

    private static final String AUDIT_ENTITY = "stock-policy";

    private final StockPolicyRepository policies;
    private final CatalogRefs refs;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final AlertEvaluator alerts;

    StockPolicies(
            StockPolicyRepository policies,
            CatalogRefs refs,
            AuditTrail audit,
            MessageSource messages,
            Clock clock,
            AlertEvaluator alerts) {
        this.policies = policies;
        this.refs = refs;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.alerts = alerts;
    }

    @Transactional(readOnly = true)
    public StockPolicyView get(String item, String location) {
        Subject s = subject(item, location, false);
        return policies.find(s.itemId, s.warehouseId, PartyScope.current())
                .orElseThrow(() -> new NotFoundException("Stock policy", item + "/" + location));
    }

    @Transactional(readOnly = true)
    public PageResult<StockPolicyView> find(String location, String text, PolicyMode mode, PageRequest page) {
        return policies.find(
                new StockPolicyRepository.Filter(blankToNull(location), blankToNull(text), mode),
                page,
                PartyScope.current());
    }

    /** The lines of every item × warehouse with a policy, by ids (for plans over all warehouses at once). */
    @Transactional(readOnly = true)
    public java.util.Map<org.openvmi.inventory.ItemWarehouse, StockLines> linesByItemWarehouse() {
        return policies.linesByItemWarehouse();
    }

    /** The policies of these items at every warehouse (buyer-side reads: the rules engine's event path). */
    @Transactional(readOnly = true)
    public List<StockPolicyView> ofItems(java.util.Collection<Long> itemIds) {
        return policies.ofItems(itemIds);
    }

    /**
     * The service level targets (set by a person or a rule) by item × warehouse, of one warehouse or all (null):
     * planning runs plan these pairs at the target instead of the run's level (ADR 0075).
     */
    @Transactional(readOnly = true)
    public java.util.Map<ItemWarehouse, java.math.BigDecimal> serviceLevelTargets(Long warehouseId) {
        return policies.serviceLevelTargets(warehouseId);
    }

    /** The lines of one item × warehouse, by ids (empty without a policy). */
    @Transactional(readOnly = true)
    public java.util.Optional<StockLines> lines(long itemId, long warehouseId) {
        return policies.lines(itemId, warehouseId);
    }

    /**
     * For the rules engine (ADR 0075): sets the target service level of one item × warehouse, recorded as changed by
     * {@code rule:<ruleId>} (the policy's {@code updatedBy} and the audit log's actor). A subject without a policy
     * gets a DYNAMIC one with zero lines (a planning run fills them). The level must be from 0.5 up to (not including)
     * 1 with at most 4 places (400 naming {@code serviceLevel}). Returns whether the level changed.
     */
    @Transactional
    public boolean setServiceLevelByRule(long ruleId, long itemId, long warehouseId, java.math.BigDecimal level) {
        if (level == null
                || level.compareTo(new java.math.BigDecimal("0.5")) < 0
                || level.compareTo(java.math.BigDecimal.ONE) >= 0
                || level.stripTrailingZeros().scale() > 4) {
            throw InvalidInputException.of("serviceLevel", message("stockpolicy.error.ruleServiceLevel"));
        }
        String actor = "rule:" + ruleId;
        var before = policies.find(itemId, warehouseId, PartyScope.ALL);
        if (before.isPresent()
                && before.get().serviceLevel() != null
                && before.get().serviceLevel().compareTo(level) == 0
                && before.get().serviceLevelSetBy() != null) {
            return false; // already the target (a run's level equal to it is made a target, so runs keep it)
        }
        StockPolicyCommand c;
        if (before.isEmpty()) {
            c = new StockPolicyCommand();
            c.setSafety(java.math.BigDecimal.ZERO);
            c.setWarning(java.math.BigDecimal.ZERO);
            c.setMax(java.math.BigDecimal.ZERO);
            c.setMode(PolicyMode.DYNAMIC);
            c.setServiceLevel(level);
            policies.insert(itemId, warehouseId, c, actor, actor, clock.instant());
        } else {
            c = StockPolicyCommand.from(before.get());
            c.setServiceLevel(level);
            if (!policies.update(before.get().id(), before.get().version(), c, actor, actor, clock.instant())) {
                throw new ConflictException(
                        "version", CodedRefusal.stale("Stock policy changed while a rule set its service level"));
            }
        }
        StockPolicyView after =
                policies.find(itemId, warehouseId, PartyScope.ALL).orElseThrow();
        audit.recordAs(
                actor,
                before.isEmpty() ? "CREATE" : "UPDATE",
                AUDIT_ENTITY,
                key(after),
                java.util.Map.of(
                        "serviceLevel",
                        level,
                        "before",
                        before.map(v -> v.serviceLevel() == null
                                        ? "-"
                                        : v.serviceLevel().toPlainString())
                                .orElse("-")));
        return true;
    }

    @Transactional(readOnly = true)
    public List<StockPolicyView> all() {
        return policies.all(PartyScope.current());
    }

    /**
     * Creates or replaces the lines of one subject. A version, when given, must match the stored one (409
     * otherwise), so two people editing the same lines do not silently overwrite each other.
     */
    @Transactional
    public StockPolicyView put(String item, String location, StockPolicyCommand c) {
        requireBuyerSide();
        Subject s = subject(item, location, true);
        checkLines(c);
        var before = policies.find(s.itemId, s.warehouseId, PartyScope.ALL);
        String user = CurrentUser.name();
        if (before.isEmpty()) {
            if (c.getVersion() != null && c.getVersion() != 0) {
                throw new ConflictException(
                        "version",
                        CodedRefusal.of(
                                CodedRefusal.GONE,
                                "Stock policy " + item + "/" + location
                                        + " no longer exists; reload and enter it again",
                                item + "/" + location));
            }
            policies.insert(s.itemId, s.warehouseId, c, c.serviceLevelSetBy(null, user), user, clock.instant());
        } else if (unchanged(before.get(), c)) {
            return before.get(); // saving the same lines again changes nothing (no version bump, no audit entry)
        } else {
            int version = c.getVersion() == null ? before.get().version() : c.getVersion();
            if (!policies.update(
                    before.get().id(), version, c, c.serviceLevelSetBy(before.get(), user), user, clock.instant())) {
                throw new ConflictException(
                        "version",
                        CodedRefusal.stale("Stock policy " + item + "/" + location
                                + " was changed by someone else; reload and try again"));
            }
        }
        StockPolicyView after =
                policies.find(s.itemId, s.warehouseId, PartyScope.ALL).orElseThrow();
        alerts.evaluate(Set.of(new ItemWarehouse(s.itemId, s.warehouseId))); // new lines may put today's stock outside
        audit.record(before.isEmpty() ? "CREATE" : "UPDATE", AUDIT_ENTITY, key(after), before.orElse(null), after);
        return after;
    }

    /**
     * Saves several policies at once (the bulk edit page, an API client's batch): every row is checked first, and
     * with any bad row nothing is saved; errors name the row as {@code [index].field}.
     */
    @Transactional
    public List<StockPolicyView> putAll(List<StockPolicyCommand> rows, jakarta.validation.Validator validator) {
        requireBuyerSide();
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < rows.size(); i++) {
            StockPolicyCommand c = rows.get(i);
            String prefix = "[" + i + "].";
            validator.validate(c).forEach(v -> errors.add(prefix + v.getPropertyPath(), v.getMessage()));
            if (c.getItem() == null || c.getItem().isBlank()) {
                errors.add(prefix + "item", message("stockpolicy.error.required"));
            }
            if (c.getLocation() == null || c.getLocation().isBlank()) {
                errors.add(prefix + "location", message("stockpolicy.error.required"));
            }
            if (c.getSafety() != null && c.getWarning() != null && c.getMax() != null) {
                c.lines().problems().list().forEach(e -> errors.add(prefix + e.field(), message(e.message())));
            }
        }
        errors.throwIfAny();
        List<StockPolicyView> saved = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StockPolicyCommand c = rows.get(i);
            try {
                saved.add(put(c.getItem(), c.getLocation(), c));
            } catch (InvalidInputException e) {
                String prefix = "[" + i + "].";
                throw new InvalidInputException(e.errors().stream()
                        .map(f -> f.withField(prefix + f.field()))
                        .toList());
            }
        }
        return saved;
    }

    @Transactional
    public void delete(String item, String location) {
        requireBuyerSide();
        StockPolicyView before = get(item, location);
        if (!policies.delete(before.id(), before.version())) {
            throw new ConflictException(
                    "Stock policy " + key(before) + " was changed by someone else; reload and try again");
        }
        Subject s = subject(item, location, false);
        alerts.evaluate(Set.of(new ItemWarehouse(s.itemId, s.warehouseId))); // without lines its alerts resolve
        audit.record("DELETE", AUDIT_ENTITY, key(before), before, null);
    }

    /**
     * Writes the lines a planning run computed: DYNAMIC policies change, subjects without a policy get a DYNAMIC
     * one, MANUAL ones stay as people set them. A service level set as a target (by a person or a rule) stays. Lines that break 0 ≤ safety ≤ warning ≤ max are refused whole.
     * Returns how many policies changed.
     */
    @Transactional
    public int applyPlanned(List<PlannedLevels> levels) {
        for (PlannedLevels l : levels) {
            FieldErrors problems = new StockLines(l.safety(), l.warning(), l.max()).problems();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("planned lines of item " + l.itemId() + " in warehouse "
                        + l.warehouseId() + " break the rule: " + problems.list());
            }
        }
        // in (item, warehouse) order, the order in which alert evaluations lock policies: no deadlock with postings
        List<PlannedLevels> sorted = levels.stream()
                .sorted(java.util.Comparator.comparingLong(PlannedLevels::itemId)
                        .thenComparingLong(PlannedLevels::warehouseId))
                .toList();
        int changed = policies.applyPlanned(sorted, CurrentUser.name(), clock.instant());
        java.util.SortedSet<ItemWarehouse> subjects = new java.util.TreeSet<>();
        sorted.forEach(l -> subjects.add(new ItemWarehouse(l.itemId(), l.warehouseId())));
        alerts.evaluate(subjects);
        audit.record("PLAN", AUDIT_ENTITY, "*", null, java.util.Map.of("subjects", levels.size(), "changed", changed));
        return changed;
    }

    /** The rule between the lines, with messages in the caller's language; throws 400 naming the field. */
    public void checkLines(StockPolicyCommand c) {
        FieldErrors keys = c.lines().problems();
        FieldErrors texts = new FieldErrors();
        keys.list().forEach(e -> texts.add(e.field(), message(e.message())));
        texts.throwIfAny();
    }

    /** The message of a line-rule key in the caller's language (for pages and imports). */
    public String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private Subject subject(String item, String location, boolean forWrite) {
        ItemRef ref = refs.items(Set.of(item)).get(item);
        Long warehouseId = refs.warehouses(Set.of(location)).get(location);
        FieldErrors errors = new FieldErrors();
        if (ref == null || !ref.code().equals(item)) {
            errors.add("item", CodedRefusal.unknown("item", item));
        }
        if (warehouseId == null) {
            errors.add("location", CodedRefusal.unknown("warehouse", location));
        }
        if (!errors.isEmpty()) {
            if (forWrite) {
                errors.throwIfAny();
            }
            throw new NotFoundException("Stock policy", item + "/" + location);
        }
        return new Subject(ref.id(), warehouseId);
    }

    private static boolean unchanged(StockPolicyView v, StockPolicyCommand c) {
        return v.safety().compareTo(c.getSafety()) == 0
                && v.warning().compareTo(c.getWarning()) == 0
                && v.max().compareTo(c.getMax()) == 0
                && v.mode() == c.getMode()
                && (v.serviceLevel() == null
                        ? c.getServiceLevel() == null
                        : c.getServiceLevel() != null && v.serviceLevel().compareTo(c.getServiceLevel()) == 0);
    }

    private static void requireBuyerSide() {
        if (!PartyScope.current().seesAll()) {
            throw new AccessDeniedException("Only buyer-side users set stock lines");
        }
    }

    private static String key(StockPolicyView v) {
        return v.item() + "/" + v.location();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private record Subject(long itemId, long warehouseId) {}
}
