package org.openvmi.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.openvmi.audit.AuditTrail;
import org.openvmi.security.internal.ApiKeyHashes;
import org.openvmi.security.internal.ApiKeyRepository;
import org.openvmi.security.internal.UserRepository;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machine clients. A key is random, shown once, and stored only as its SHA-256: a request is
 * authenticated by one indexed lookup, never by a password hash.
 */
@Service
public class ApiKeys {

    private static final String ENTITY = "api-key";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME = 100;

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, UserRepository users, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The new key and its secret, which is never shown again. */
    public record CreatedKey(ApiKeyView key, String secret) {}

    @Transactional
    public CreatedKey create(String name, String username) {
        return create(name, username, null);
    }

    /**
     * A key for a user, limited to {@code scopes}. Null or empty: a buyer-side key keeps every right of its user, a
     * supplier's key gets {@link ApiKeyScope#SUPPLIER_DEFAULT} (a supplier system's key is always scoped).
     */
    @Transactional
    public CreatedKey create(String name, String username, java.util.Set<ApiKeyScope> scopes) {
        FieldErrors errors = new FieldErrors();
        if (name == null || name.isBlank()) {
            errors.add("name", CodedRefusal.required());
        } else if (name.trim().length() > MAX_NAME) {
            errors.add("name", CodedRefusal.of("atMostChars", "must be at most " + MAX_NAME + " characters", MAX_NAME));
        }
        OpenVmiUser owner = null;
        if (username == null || username.isBlank()) {
            errors.add("username", CodedRefusal.required());
        } else {
            owner = users.findByUsername(username.trim(), clock.instant()).orElse(null);
            if (owner == null) {
                errors.add("username", CodedRefusal.unknown("user", username));
            } else if (!owner.enabled()) {
                errors.add(
                        "username", CodedRefusal.of("userDisabled", "user '" + username + "' is disabled", username));
            }
        }
        errors.throwIfAny();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "ovk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String actor = CurrentUser.name();
        java.util.Set<ApiKeyScope> granted = scopes != null && !scopes.isEmpty()
                ? scopes
                : owner.supplierUser() ? ApiKeyScope.SUPPLIER_DEFAULT : null;
        long id = keys.insert(
                name.trim(),
                secret.substring(0, 12),
                ApiKeyHashes.sha256(secret),
                owner.id(),
                actor,
                clock.instant(),
                ApiKeyScope.format(granted));
        ApiKeyView view = keys.findById(id).orElseThrow();
        audit.record("CREATE", ENTITY, String.valueOf(id), null, view);
        return new CreatedKey(view, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        return keys.findAll();
    }

    @Transactional(readOnly = true)
    public PageResult<ApiKeyView> find(PageRequest page) {
        return new PageResult<>(keys.findPage(page.size(), page.offset()), page.page(), page.size(), keys.count());
    }

    @Transactional(readOnly = true)
    public ApiKeyView get(long id) {
        return keys.findById(id).orElseThrow(() -> new NotFoundException("API key", id));
    }

    /** Revokes a key for good; revoking a revoked key changes (and audits) nothing. */
    @Transactional
    public ApiKeyView revoke(long id) {
        ApiKeyView before = get(id);
        if (!keys.revoke(id, clock.instant())) {
            return before;
        }
        ApiKeyView after = keys.findById(id).orElseThrow();
        audit.record("REVOKE", ENTITY, String.valueOf(id), before, after);
        return after;
    }
}
