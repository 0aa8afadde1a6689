package org.openvmi.shared.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drops in-memory caches on every instance when one instance changes what they hold. A change {@link #bump}s the
 * cache's counter in {@code cache_version} inside its own transaction; every instance reads the counters every
 * {@code openvmi.cluster.cache-poll} (default 1 s, one indexed read of a few rows) and calls the cache's listeners
 * when a counter moved. The changing instance calls them right after its commit, without waiting for the poll. So a
 * revoked API key stops working here at once and on the other instances within the poll interval.
 */
@Component
public class CacheVersions {

    /** Who may use which API key (keys, their users' roles, enabled flags and locks). */
    public static final String API_KEYS = "api-keys";

    private static final Logger log = LoggerFactory.getLogger(CacheVersions.class);

    private final JdbcClient jdbc;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    CacheVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Calls {@code dropCache} whenever the named cache changed, on this instance or on another. */
    public void onChange(String cache, Runnable dropCache) {
        listeners.computeIfAbsent(cache, c -> new CopyOnWriteArrayList<>()).add(dropCache);
    }

    /**
     * Marks the named cache changed, in the caller's transaction: the other instances see it once that commits, this
     * one drops its copies right after the commit (at once without a transaction).
     */
    public void bump(String cache) {
        int updated = jdbc.sql("UPDATE cache_version SET version = version + 1 WHERE name = :n")
                .param("n", cache)
                .update();
        if (updated != 1) {
            throw new IllegalArgumentException("no cache_version row for " + cache);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dropLocal(cache);
                }
            });
        } else {
            dropLocal(cache);
        }
    }

    /** Reads every counter and drops the caches whose counter moved since the last read. */
    @Scheduled(
            initialDelayString = "${openvmi.cluster.cache-poll:1s}",
            fixedDelayString = "${openvmi.cluster.cache-poll:1s}")
    public void poll() {
        try {
            jdbc.sql("SELECT name, version FROM cache_version")
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()
                    .forEach(v -> {
                        Long before = seen.put(v.getKey(), v.getValue());
                        if (before == null || !before.equals(v.getValue())) {
                            dropLocal(v.getKey());
                        }
                    });
        } catch (RuntimeException e) {
            // the database is away for a moment: drop everything rather than trust copies that may be stale
            log.warn("Cache versions not readable ({}): dropping every cache", e.toString());
            listeners.keySet().forEach(this::dropLocal);
        }
    }

    private void dropLocal(String cache) {
        listeners.getOrDefault(cache, List.of()).forEach(Runnable::run);
    }
}
