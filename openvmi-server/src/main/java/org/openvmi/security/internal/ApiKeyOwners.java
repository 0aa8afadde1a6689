package org.openvmi.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.openvmi.shared.cluster.CacheVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The owner of an API key, by the key's SHA-256, without a database read per request (issue 19, ADR 0064). Only a
 * verified owner is kept — a live key whose user is enabled and not locked — for {@code
 * openvmi.security.api-key-cache-ttl} (default 10 s; 0 turns the cache off); unknown, revoked, disabled or locked
 * keys are read every time. Revoking a key, changing or disabling its user, or locking the user after failed logins
 * bumps {@link CacheVersions#API_KEYS}: this instance drops every entry right after that commit, the others within
 * {@code openvmi.cluster.cache-poll} (1 s). The time to live bounds what any missed signal could cost.
 *
 * <p>One read per key at a time (ADR 0081): in the last fifth of an entry's life the first request re-reads it while
 * the others go on with the entry, which is still within its time to live; a key with no entry (first use, expired,
 * dropped) is read by one request and the others arriving meanwhile wait for that read, unless a drop happened since
 * it began (then they read themselves). An early re-read that fails leaves the entry to serve until its time to live. So a burst of requests on a key never makes a burst of identical reads.
 */
@Component
public class ApiKeyOwners {

    private record Entry(UserRepository.KeyOwner owner, long loadedAt) {}

    /** A read in flight, with the drop generation it started in. */
    private record Read(CompletableFuture<Optional<UserRepository.KeyOwner>> result, long generation) {}

    /** Past this many keys the cache starts over, so it never grows without bound. */
    private static final int MAX_ENTRIES = 10_000;

    private final BiFunction<String, Instant, Optional<UserRepository.KeyOwner>> loader;
    private final LongSupplier nanoTime;
    private final long ttlNanos;
    /** Age from which the first request re-reads an entry while the others still use it. */
    private final long refreshNanos;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    /** Drops that happened since a read began: a read that raced one is not kept. */
    private volatile long generation;

    @Autowired
    ApiKeyOwners(
            UserRepository users,
            CacheVersions versions,
            @Value("${openvmi.security.api-key-cache-ttl:10s}") Duration ttl) {
        this(users::findKeyOwner, ttl, System::nanoTime);
        versions.onChange(CacheVersions.API_KEYS, this::clear);
    }

    /** For tests: any loader and clock. */
    ApiKeyOwners(
            BiFunction<String, Instant, Optional<UserRepository.KeyOwner>> loader,
            Duration ttl,
            LongSupplier nanoTime) {
        this.loader = loader;
        this.nanoTime = nanoTime;
        this.ttlNanos = ttl.toNanos();
        this.refreshNanos = ttlNanos - ttlNanos / 5;
    }

    public Optional<UserRepository.KeyOwner> find(String keyHash, Instant now) {
        if (ttlNanos <= 0) {
            return loader.apply(keyHash, now);
        }
        long arrived = nanoTime.getAsLong();
        long generationAtArrival = generation;
        Entry cached = entries.get(keyHash);
        if (cached != null) {
            long age = arrived - cached.loadedAt();
            if (age < refreshNanos) {
                return Optional.of(cached.owner());
            }
            if (age < ttlNanos) {
                // still valid: the first request re-reads, the others use the entry meanwhile
                Read mine = new Read(new CompletableFuture<>(), generationAtArrival);
                if (reads.putIfAbsent(keyHash, mine) == null) {
                    try {
                        return read(keyHash, now, mine);
                    } catch (RuntimeException e) {
                        // the database did not answer the early re-read: the entry is still within its time to live
                        return Optional.of(cached.owner());
                    }
                }
                return Optional.of(cached.owner());
            }
        }
        Read mine = new Read(new CompletableFuture<>(), generationAtArrival);
        Read running = reads.putIfAbsent(keyHash, mine);
        if (running == null) {
            return read(keyHash, now, mine);
        }
        if (running.generation() != generationAtArrival) {
            // the read in flight began before a drop this request already saw: its row may be stale
            return loader.apply(keyHash, now);
        }
        try {
            return running.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private Optional<UserRepository.KeyOwner> read(String keyHash, Instant now, Read mine) {
        long started = nanoTime.getAsLong();
        try {
            Optional<UserRepository.KeyOwner> owner = loader.apply(keyHash, now);
            if (owner.isPresent()
                    && owner.get().user().isEnabled()
                    && owner.get().user().isAccountNonLocked()) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(keyHash, new Entry(owner.get(), started));
                if (generation != mine.generation()) {
                    entries.remove(keyHash); // a revocation committed while this read ran: the row read may be stale
                }
            } else {
                entries.remove(keyHash);
            }
            mine.result().complete(owner);
            return owner;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            reads.remove(keyHash, mine);
        }
    }

    void clear() {
        generation++;
        entries.clear();
    }
}
