package org.openvmi.channels.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.channels.ChannelPauseChanged;
import org.openvmi.channels.model.Allocation;
import org.openvmi.channels.model.AllocationRule;
import org.openvmi.channels.model.ChannelStatus;
import org.openvmi.channels.model.PauseRule;
import org.openvmi.inventory.FreeStock;
import org.openvmi.inventory.StockQueries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The stock picture channels work on: free own stock of items in the channels' warehouses, the allocation per channel
 * and the pause judgement. Callers that act on it (orders) hold the items' channel locks.
 */
@Component
public class ChannelStock {

    private final ChannelRepository channels;
    private final StockQueries stock;
    private final CatalogRefs refs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChannelStock(
            ChannelRepository channels,
            StockQueries stock,
            CatalogRefs refs,
            ApplicationEventPublisher events,
            Clock clock) {
        this.channels = channels;
        this.stock = stock;
        this.refs = refs;
        this.events = events;
        this.clock = clock;
    }

    /** Per item: free stock by warehouse, by location, and the allocation. */
    public record Picture(
            List<AllocationRule> rules,
            Map<Long, List<FreeStock>> free,
            Map<Long, Map<Long, BigDecimal>> freeByWarehouse,
            Map<Long, Allocation> allocation,
            Map<Long, Set<Long>> paused) {

        public BigDecimal poolFree(long itemId, AllocationRule rule) {
            Map<Long, BigDecimal> byWarehouse = freeByWarehouse.getOrDefault(itemId, Map.of());
            return rule.pool().stream()
                    .map(w -> byWarehouse.getOrDefault(w, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public boolean paused(long itemId, long channelId) {
            return paused.getOrDefault(itemId, Set.of()).contains(channelId);
        }
    }

    public Picture picture(Collection<Long> itemIds) {
        List<AllocationRule> rules = channels.rules();
        Set<Long> warehouses = new HashSet<>();
        rules.forEach(r -> warehouses.addAll(r.pool()));
        Map<Long, List<FreeStock>> free = new HashMap<>();
        Map<Long, Map<Long, BigDecimal>> byWarehouse = new HashMap<>();
        for (FreeStock f : stock.freeStock(itemIds, warehouses)) {
            free.computeIfAbsent(f.itemId(), k -> new ArrayList<>()).add(f);
            byWarehouse
                    .computeIfAbsent(f.itemId(), k -> new HashMap<>())
                    .merge(f.warehouseId(), f.free(), BigDecimal::add);
        }
        Map<Long, Set<Long>> paused = channels.paused(itemIds);
        Map<Long, Map<Long, Map<Long, BigDecimal>>> held = channels.held(itemIds);
        Map<Long, Allocation> allocation = new HashMap<>();
        for (long item : itemIds) {
            allocation.put(
                    item,
                    Allocation.compute(
                            rules,
                            byWarehouse.getOrDefault(item, Map.of()),
                            held.getOrDefault(item, Map.of()),
                            paused.getOrDefault(item, Set.of())));
        }
        return new Picture(rules, free, byWarehouse, allocation, paused);
    }

    /**
     * Pauses and resumes channels for the items by their pools' free stock now; each move logged and published
     * ({@link ChannelPauseChanged}, which integration sends as a webhook). Returns whether anything moved.
     */
    public boolean judgePauses(Collection<Long> itemIds) {
        List<AllocationRule> rules = channels.rules();
        if (itemIds.isEmpty()
                || rules.stream().noneMatch(r -> r.pauseBelow() != null)
                        && channels.paused(itemIds).isEmpty()) {
            return false;
        }
        Picture p = picture(itemIds);
        Map<Long, ItemRef> items = null;
        boolean moved = false;
        Instant now = clock.instant();
        for (long item : itemIds) {
            for (AllocationRule r : rules) {
                boolean paused = p.paused(item, r.channelId());
                BigDecimal poolFree = p.poolFree(item, r);
                var move = PauseRule.judge(r.pauseBelow(), paused, poolFree);
                if (move.isEmpty()) {
                    continue;
                }
                if (move.get() == ChannelStatus.PAUSED) {
                    channels.pause(r.channelId(), item, now);
                } else {
                    channels.resume(r.channelId(), item);
                }
                channels.log(r.channelId(), item, move.get(), poolFree, r.pauseBelow(), now);
                if (items == null) {
                    items = refs.itemsById(itemIds);
                }
                events.publishEvent(new ChannelPauseChanged(
                        r.code(),
                        items.get(item).code(),
                        move.get().name(),
                        org.openvmi.shared.Decimals.plain(poolFree),
                        r.pauseBelow() == null ? null : org.openvmi.shared.Decimals.plain(r.pauseBelow()),
                        now));
                moved = true;
            }
        }
        return moved;
    }
}
