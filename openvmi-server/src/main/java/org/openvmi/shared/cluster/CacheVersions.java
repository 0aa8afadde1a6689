package org.openvmi.shared.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
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

    /** The items under an active VMI agreement (consignment's SLA clock looks at them on every posting). */
    public static final String VMI_AGREEMENTS = "vmi-agreements";

    /** The active webhook subscriptions (the event outbox fans every event out to them). */
    public static final String WEBHOOK_SUBSCRIPTIONS = "webhook-subscriptions";

    /** The item × warehouses with a stock policy or an open line alert (the alert evaluator looks at no other). */
    public static final String STOCK_POLICIES = "stock-policies";

    /** The events the enabled rules listen to (rule event triggers note nothing else). */
    public static final String RULES = "rules";

    /** Whether any sales channel is active (channel pauses are judged after postings only then). */
    public static final String CHANNELS = "channels";

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
            String marker = BUMPED + cache;
            if (!TransactionSynchronizationManager.hasResource(marker)) {
                // until this transaction ends, a value it loads may hold its own uncommitted change: not kept
                TransactionSynchronizationManager.bindResource(marker, Boolean.TRUE);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(marker);
                        dropLocal(cache); // committed: the change is visible now; rolled back: whatever was loaded
                    }
                });
            }
        } else {
            dropLocal(cache);
        }
    }

    /**
     * A value loaded once and kept until the named cache changes (on this instance right after the change's
     * transaction ends, on the others at their next poll). A load that raced a change is returned but not kept, nor is
     * one loaded inside a transaction that changed the cache itself.
     */
    public <T> Supplier<T> cached(String cache, Supplier<T> load) {
        Cached<T> cached = new Cached<>(cache, load);
        onChange(cache, cached::drop);
        return cached;
    }

    private static final String BUMPED = CacheVersions.class.getName() + ".bumped:";

    private static final class Cached<T> implements Supplier<T> {

        private final String cache;
        private final Supplier<T> load;
        private final Object lock = new Object();
        private T value;
        private boolean present;
        private long generation;

        Cached(String cache, Supplier<T> load) {
            this.cache = cache;
            this.load = load;
        }

        @Override
        public T get() {
            long before;
            synchronized (lock) {
                if (present) {
                    return value;
                }
                before = generation;
            }
            T loaded = load.get();
            if (!TransactionSynchronizationManager.hasResource(BUMPED + cache)) {
                synchronized (lock) {
                    if (generation == before) {
                        value = loaded;
                        present = true;
                    }
                }
            }
            return loaded;
        }

        void drop() {
            synchronized (lock) {
                generation++;
                present = false;
                value = null;
            }
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
