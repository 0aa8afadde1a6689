package org.openvmi.channels.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.openvmi.channels.model.AllocationRule;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The channels and their allocation rules as the ATP read needs them, kept in memory: they change when a person edits
 * a channel, while ATP is read thousands of times a second (bench/README.md). A channel write drops the copy once it
 * committed (on this instance at once; on another instance at its next cache poll, {@code cache_version} row
 * {@code channels}, ADR 0072 and 0082; {@link #MAX_AGE_MS} is only a backstop). A load that
 * raced with a write is not kept (generation check). Channel orders never use it: they read the rules fresh under
 * their item locks, so what is sold is always decided on the rules in force.
 */
@Component
public class ChannelRuleCache {

    /** How long a copy may serve before it is read again (the bound for other instances' edits). */
    static final long MAX_AGE_MS = 60_000;

    public record Snapshot(Map<String, ChannelRepository.Row> byCode, List<AllocationRule> rules, long loadedAt) {}

    private final ChannelRepository channels;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    ChannelRuleCache(ChannelRepository channels, org.openvmi.shared.cluster.CacheVersions versions) {
        this.channels = channels;
        // another instance's channel write: dropped at the next cache poll (ADR 0072), not only after MAX_AGE_MS
        versions.onChange(org.openvmi.shared.cluster.CacheVersions.CHANNELS, this::drop);
    }

    public Snapshot get() {
        Snapshot s = snapshot;
        long now = System.currentTimeMillis();
        if (s != null && now - s.loadedAt() < MAX_AGE_MS) {
            return s;
        }
        long before = generation.get();
        Map<String, ChannelRepository.Row> byCode = new LinkedHashMap<>();
        channels.all().forEach(r -> byCode.put(r.code(), r));
        Snapshot loaded = new Snapshot(Map.copyOf(byCode), List.copyOf(channels.rules()), now);
        if (generation.get() == before) {
            snapshot = loaded;
        }
        return loaded;
    }

    /** Drops the copy now and again after the current transaction commits (a channel was created or changed). */
    public void invalidate() {
        drop();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop();
                }
            });
        }
    }

    private void drop() {
        generation.incrementAndGet();
        snapshot = null;
    }
}
