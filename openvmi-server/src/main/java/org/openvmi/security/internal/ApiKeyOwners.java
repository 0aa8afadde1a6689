package org.openvmi.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openvmi.shared.cluster.CacheVersions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The owner of an API key, by the key's SHA-256, without a database read per request (issue 19, ADR 0064). Only a
 * verified owner is kept — a live key whose user is enabled and not locked — for {@code
 * openvmi.security.api-key-cache-ttl} (default 10 s; 0 turns the cache off); unknown, revoked, disabled or locked
 * keys are read every time. Revoking a key, changing or disabling its user, or locking the user after failed logins
 * bumps {@link CacheVersions#API_KEYS}: this instance drops every entry right after that commit, the others within
 * {@code openvmi.cluster.cache-poll} (1 s). The time to live bounds what any missed signal could cost.
 */
@Component
public class ApiKeyOwners {

    private record Entry(UserRepository.KeyOwner owner, long loadedAt) {}

    /** Past this many keys the cache starts over, so it never grows without bound. */
    private static final int MAX_ENTRIES = 10_000;

    private final UserRepository users;
    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Drops that happened since a read began: a read that raced one is not kept. */
    private volatile long generation;

    ApiKeyOwners(
            UserRepository users,
            CacheVersions versions,
            @Value("${openvmi.security.api-key-cache-ttl:10s}") Duration ttl) {
        this.users = users;
        this.ttlNanos = ttl.toNanos();
        versions.onChange(CacheVersions.API_KEYS, this::clear);
    }

    public Optional<UserRepository.KeyOwner> find(String keyHash, Instant now) {
        long started = System.nanoTime();
        Entry cached = entries.get(keyHash);
        if (cached != null && started - cached.loadedAt() < ttlNanos) {
            return Optional.of(cached.owner());
        }
        long generationBefore = generation;
        Optional<UserRepository.KeyOwner> owner = users.findKeyOwner(keyHash, now);
        if (ttlNanos > 0
                && owner.isPresent()
                && owner.get().user().isEnabled()
                && owner.get().user().isAccountNonLocked()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(keyHash, new Entry(owner.get(), started));
            if (generation != generationBefore) {
                entries.remove(keyHash); // a revocation committed while this read ran: the row read may be stale
            }
        } else {
            entries.remove(keyHash);
        }
        return owner;
    }

    void clear() {
        generation++;
        entries.clear();
    }
}
