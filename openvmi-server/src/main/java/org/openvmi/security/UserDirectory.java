package org.openvmi.security;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.security.internal.UserRepository;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Managing users (ADMIN only, enforced by the HTTP rules). */
@Service
public class UserDirectory {

    /** The zones offered as choices where a time zone is typed (any IANA zone ID is accepted). */
    public static final List<String> COMMON_TIME_ZONES = List.of(
            "Asia/Shanghai",
            "Asia/Hong_Kong",
            "Asia/Taipei",
            "Asia/Tokyo",
            "Asia/Seoul",
            "Asia/Singapore",
            "Asia/Bangkok",
            "Asia/Kolkata",
            "Europe/Berlin",
            "Europe/London",
            "Europe/Paris",
            "America/New_York",
            "America/Chicago",
            "America/Los_Angeles",
            "UTC");

    private static final String ENTITY = "user";

    private final UserRepository users;
    private final SupplierCatalog suppliers;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    UserDirectory(
            UserRepository users, SupplierCatalog suppliers, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.users = users;
        this.suppliers = suppliers;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return views(users.findAll(clock.instant()));
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> find(PageRequest page) {
        List<UserView> rows = views(users.findPage(page, clock.instant()));
        return new PageResult<>(rows, page.page(), page.size(), users.count());
    }

    @Transactional(readOnly = true)
    public UserView get(String username) {
        return users.findByUsername(username, clock.instant())
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("User", username));
    }

    private UserView view(OpenVmiUser u) {
        return UserView.of(u, users.timeZone(u.username()).orElse(null));
    }

    /** One query for the zones of a page of users. */
    private List<UserView> views(List<OpenVmiUser> found) {
        Map<String, String> zones =
                users.timeZones(found.stream().map(OpenVmiUser::username).toList());
        return found.stream().map(u -> UserView.of(u, zones.get(u.username()))).toList();
    }

    /** The time zone the user chose for its pages; empty: it shows the server's configured zone. */
    @Transactional(readOnly = true)
    public Optional<ZoneId> timeZone(String username) {
        return users.timeZone(username).flatMap(UserDirectory::zone);
    }

    /**
     * Sets the user's own time zone (an IANA zone ID such as Asia/Shanghai or Europe/Berlin); blank goes back to the
     * server's configured zone. Audited as a change of the user.
     */
    @Transactional
    public void setTimeZone(String username, String zone) {
        String chosen = zone == null || zone.isBlank() ? null : zone.trim();
        if (chosen != null && zone(chosen).isEmpty()) {
            throw InvalidInputException.of("timeZone", unknownZone(chosen));
        }
        String before = users.timeZone(username).orElse(null);
        if (!users.setTimeZone(username, chosen)) {
            throw new NotFoundException("User", username);
        }
        if (!java.util.Objects.equals(before, chosen)) {
            audit.record(
                    "UPDATE",
                    ENTITY,
                    username,
                    java.util.Map.of("timeZone", String.valueOf(before)),
                    java.util.Map.of("timeZone", String.valueOf(chosen)));
        }
    }

    private static CodedRefusal unknownZone(String zone) {
        return CodedRefusal.of(
                "timeZone", "unknown time zone '" + zone + "' (an IANA zone ID such as Asia/Shanghai)", zone);
    }

    /** A command's zone refused as the own-settings page refuses it (null and blank are fine). */
    private static void checkZone(UserCommand c, FieldErrors errors) {
        if (c.getTimeZone() != null
                && !c.getTimeZone().isBlank()
                && zone(c.getTimeZone()).isEmpty()) {
            errors.add("timeZone", unknownZone(c.getTimeZone()));
        }
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Every enabled user with what notifications need: address, language, roles and supplier binding. */
    @Transactional(readOnly = true)
    public List<UserContact> contacts() {
        return users.findAll(clock.instant()).stream()
                .filter(OpenVmiUser::enabled)
                .map(u -> new UserContact(
                        u.username(), u.displayName(), u.email(), u.language(), u.roles(), u.supplierId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<UserContact> contact(String username) {
        return users.findByUsername(username, clock.instant())
                .map(u -> new UserContact(
                        u.username(), u.displayName(), u.email(), u.language(), u.roles(), u.supplierId()));
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return users.count() == 0;
    }

    @Transactional
    public UserView create(UserCommand c) {
        FieldErrors errors = new FieldErrors();
        if (c.getPassword() == null) {
            errors.add("password", "is required for a new user");
        }
        return insert(c, errors, () -> passwords.encode(c.getPassword()));
    }

    /**
     * Creates users who all sign in with the same, known password (the demo's published one) in one transaction,
     * hashing that password once: every one of them gets the same hash (one salt), so the stored hashes show that
     * they share a password — for anything else use {@link #create}, one salt per user. BCrypt at the default
     * strength cost the demo seeding about a quarter of a second of CPU per user in a cold JVM.
     */
    @Transactional
    public List<UserView> createWithSharedPassword(List<UserCommand> commands, String password) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.of("password", "is required for a new user");
        }
        String[] hash = {null};
        java.util.function.Supplier<String> once = () -> {
            if (hash[0] == null) {
                hash[0] = passwords.encode(password);
            }
            return hash[0];
        };
        return commands.stream().map(c -> insert(c, new FieldErrors(), once)).toList();
    }

    private UserView insert(UserCommand c, FieldErrors errors, java.util.function.Supplier<String> passwordHash) {
        Long supplierId = supplierOf(c, errors);
        checkZone(c, errors);
        errors.throwIfAny();
        if (users.findByUsername(c.getUsername(), clock.instant()).isPresent()) {
            throw new ConflictException(
                    "username",
                    CodedRefusal.of(
                            CodedRefusal.DUPLICATE, "User '" + c.getUsername() + "' already exists", c.getUsername()));
        }
        try {
            users.insert(
                    c.getUsername(),
                    passwordHash.get(),
                    c.getDisplayName(),
                    Role.format(c.getRoles()),
                    supplierId,
                    supplierId == null ? null : c.getSupplier(),
                    c.getEmail(),
                    c.getLanguage(),
                    clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "username",
                    CodedRefusal.of(
                            CodedRefusal.DUPLICATE, "User '" + c.getUsername() + "' already exists", c.getUsername()));
        }
        if (c.getTimeZone() != null && !c.getTimeZone().isBlank()) {
            users.setTimeZone(c.getUsername(), c.getTimeZone());
        }
        UserView created = get(c.getUsername());
        audit.record("CREATE", ENTITY, created.username(), null, created);
        return created;
    }

    @Transactional
    public UserView update(String username, UserCommand c) {
        OpenVmiUser existing = users.findByUsername(username, clock.instant())
                .orElseThrow(() -> new NotFoundException("User", username));
        FieldErrors errors = new FieldErrors();
        Long supplierId = supplierOf(c, errors);
        checkZone(c, errors);
        errors.throwIfAny();
        keepAnAdmin(existing, c);
        UserView before = view(existing);
        // null: left out (unchanged); blank: back to the server's zone
        String zone =
                c.getTimeZone() == null ? before.timeZone() : c.getTimeZone().isBlank() ? null : c.getTimeZone();
        if (c.getPassword() == null
                && before.equals(new UserView(
                        before.id(),
                        before.username(),
                        c.getDisplayName(),
                        c.getRoles(),
                        supplierId == null ? null : c.getSupplier(),
                        c.isEnabled(),
                        before.locked(),
                        c.getEmail(),
                        c.getLanguage(),
                        zone))) {
            return before; // saved unchanged: no new version, no audit entry (issue 13)
        }
        users.update(
                existing.id(),
                c.getDisplayName(),
                Role.format(c.getRoles()),
                supplierId,
                supplierId == null ? null : c.getSupplier(),
                c.isEnabled(),
                c.getEmail(),
                c.getLanguage());
        users.setTimeZone(username, zone);
        if (c.getPassword() != null) {
            users.updatePassword(existing.id(), passwords.encode(c.getPassword()));
        }
        UserView after = get(username);
        audit.record("UPDATE", ENTITY, username, before, after);
        return after;
    }

    /** Nobody could manage users any more if the last enabled ADMIN lost the role or were disabled. */
    private void keepAnAdmin(OpenVmiUser existing, UserCommand c) {
        boolean wasAdmin = existing.enabled() && existing.roles().contains(Role.ADMIN);
        boolean staysAdmin = c.isEnabled() && c.getRoles().contains(Role.ADMIN);
        if (wasAdmin
                && !staysAdmin
                && users.findAll(clock.instant()).stream()
                        .noneMatch(u -> u.id() != existing.id()
                                && u.enabled()
                                && u.roles().contains(Role.ADMIN))) {
            throw new BusinessRuleException(
                    c.isEnabled() ? "roles" : "enabled",
                    "'" + existing.username() + "' is the last enabled ADMIN; make another user ADMIN first");
        }
    }

    private Long supplierOf(UserCommand c, FieldErrors errors) {
        boolean supplierRole = c.getRoles().contains(Role.SUPPLIER);
        if (supplierRole && c.getRoles().size() > 1) {
            errors.add(
                    "roles",
                    CodedRefusal.of(CodedRefusal.SUPPLIER_ROLES, "a SUPPLIER user cannot have buyer-side roles"));
        }
        if (supplierRole && c.getSupplier() == null) {
            errors.add("supplier", "is required for a SUPPLIER user");
            return null;
        }
        if (!supplierRole && c.getSupplier() != null) {
            errors.add("supplier", "only SUPPLIER users are bound to a supplier");
            return null;
        }
        if (c.getSupplier() == null) {
            return null;
        }
        return suppliers.idOf(c.getSupplier()).orElseGet(() -> {
            errors.add("supplier", CodedRefusal.unknown("supplier", c.getSupplier()));
            return null;
        });
    }
}
