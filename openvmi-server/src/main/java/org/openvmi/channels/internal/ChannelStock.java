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
import java.util.Optional;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.channels.ChannelPauseChanged;
import org.openvmi.channels.model.Allocation;
import org.openvmi.channels.model.AllocationRule;
import org.openvmi.channels.model.ChannelStatus;
import org.openvmi.channels.model.PauseReason;
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
    private final KeptStock kept;

    ChannelStock(
            ChannelRepository channels,
            StockQueries stock,
            CatalogRefs refs,
            ApplicationEventPublisher events,
            Clock clock,
            KeptStock kept) {
        this.kept = kept;
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
            Map<Long, Set<Long>> paused,
            Map<Long, Set<Long>> kept) {

        public BigDecimal poolFree(long itemId, AllocationRule rule) {
            Map<Long, BigDecimal> byWarehouse = freeByWarehouse.getOrDefault(itemId, Map.of());
            return rule.pool().stream()
                    .map(w -> byWarehouse.getOrDefault(w, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public boolean paused(long itemId, long channelId) {
            return paused.getOrDefault(itemId, Set.of()).contains(channelId);
        }

        /** Whether the pause is held (a rule's or a person's): the line leaves it alone. */
        public boolean held(long itemId, long channelId) {
            return kept.getOrDefault(itemId, Set.of()).contains(channelId);
        }
    }

    public Picture picture(Collection<Long> itemIds) {
        return picture(itemIds, channels.rules());
    }

    /** The picture under the given rules (the ATP read passes its cached copy, {@link ChannelRuleCache}). */
    public Picture picture(Collection<Long> itemIds, List<AllocationRule> rules) {
        return picture(itemIds, rules, null);
    }

    /** The picture with the pauses and holds already read ({@code ph}; null: read them now). */
    private Picture picture(
            Collection<Long> itemIds, List<AllocationRule> rules, ChannelRepository.PausesAndHolds read) {
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
        ChannelRepository.PausesAndHolds ph =
                read != null ? read : channels.pausesAndHolds(itemIds); // one query for both
        Map<Long, Set<Long>> paused = ph.paused();
        Map<Long, Map<Long, Map<Long, BigDecimal>>> held = ph.held();
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
        return new Picture(rules, free, byWarehouse, allocation, paused, ph.kept());
    }

    /**
     * After a person changed a channel's rule ({@code PUT}): each change of the channel's selling state is logged and
     * published like an automatic one. Deactivated or reactivated: one row for the channel as a whole. Items it was
     * paused for are resumed, each logged, when it is now INACTIVE or has no line any more; otherwise they are judged
     * again against the new line and pool (a lower line resumes them as a receipt would).
     */
    public void ruleChanged(ChannelRepository.Row old, ChannelRepository.Row now, Collection<Long> warehouses) {
        Instant at = clock.instant();
        boolean wasSelling = old.status() != ChannelStatus.INACTIVE;
        boolean sells = now.status() != ChannelStatus.INACTIVE;
        List<Long> pausedItems = channels.pausedItemsOf(old.id());
        if (!pausedItems.isEmpty()) {
            if (!sells || now.pauseBelow() == null) {
                Map<Long, BigDecimal> free = new HashMap<>();
                for (FreeStock f : stock.freeStock(pausedItems, warehouses)) {
                    free.merge(f.itemId(), f.free(), BigDecimal::add);
                }
                Map<Long, ItemRef> items = refs.itemsById(pausedItems);
                for (long item : pausedItems) {
                    BigDecimal poolFree = free.getOrDefault(item, BigDecimal.ZERO);
                    channels.resume(old.id(), item);
                    kept.dropAfterCompletion(List.of(item));
                    channels.log(old.id(), item, ChannelStatus.ACTIVE, poolFree, old.pauseBelow(), at);
                    events.publishEvent(new ChannelPauseChanged(
                            now.code(),
                            items.get(item).code(),
                            ChannelStatus.ACTIVE.name(),
                            org.openvmi.shared.Decimals.plain(poolFree),
                            plainOrNull(old.pauseBelow()),
                            at));
                }
            } else {
                judgePauses(pausedItems);
            }
        }
        if (wasSelling != sells) {
            channels.log(old.id(), null, now.status(), null, now.pauseBelow(), at);
            events.publishEvent(new ChannelPauseChanged(
                    now.code(), null, now.status().name(), null, plainOrNull(now.pauseBelow()), at));
        }
    }

    /**
     * Pauses ({@code pause}) or resumes the channel for the item on behalf of a rule or a person ({@code reason} RULE
     * or MANUAL), the caller holding the item's channel lock. A pause is held: the line leaves it alone until a rule or
     * a person resumes it; a line pause taken over becomes held (logged, nothing published: the channel was paused
     * already). A resume lifts a held pause only (a rule's resume never lifts a person's pause); the line then judges
     * the item at once, so below the line it pauses again, by the line. Returns the move made, or empty when none was.
     */
    public Optional<ChannelStatus> hold(
            ChannelRepository.Row channel, ItemRef item, boolean pause, PauseReason reason, String by, String note) {
        Instant now = clock.instant();
        Optional<PauseReason> current = channels.pauseReason(channel.id(), item.id());
        BigDecimal poolFree = stock.freeStock(List.of(item.id()), channels.warehouseIds(channel.id())).stream()
                .map(FreeStock::free)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (pause) {
            if (current.isPresent() && (current.get() == reason || current.get() == PauseReason.MANUAL)) {
                return Optional.empty(); // held already (a rule does not take a person's pause over)
            }
            channels.hold(channel.id(), item.id(), reason, by, now);
            kept.dropAfterCompletion(List.of(item.id()));
            channels.log(
                    channel.id(),
                    item.id(),
                    ChannelStatus.PAUSED,
                    poolFree,
                    channel.pauseBelow(),
                    now,
                    reason,
                    by,
                    note);
            if (current.isEmpty()) {
                publish(channel, item, ChannelStatus.PAUSED, poolFree, now);
            }
            return Optional.of(ChannelStatus.PAUSED);
        }
        if (current.isEmpty()
                || !current.get().held()
                || (reason == PauseReason.RULE && current.get() == PauseReason.MANUAL)) {
            return Optional.empty();
        }
        channels.resume(channel.id(), item.id());
        kept.dropAfterCompletion(List.of(item.id()));
        channels.log(
                channel.id(), item.id(), ChannelStatus.ACTIVE, poolFree, channel.pauseBelow(), now, reason, by, note);
        publish(channel, item, ChannelStatus.ACTIVE, poolFree, now);
        judgePauses(List.of(item.id()));
        return Optional.of(ChannelStatus.ACTIVE);
    }

    private void publish(
            ChannelRepository.Row channel, ItemRef item, ChannelStatus to, BigDecimal poolFree, Instant at) {
        events.publishEvent(new ChannelPauseChanged(
                channel.code(),
                item.code(),
                to.name(),
                org.openvmi.shared.Decimals.plain(poolFree),
                plainOrNull(channel.pauseBelow()),
                at));
    }

    private static BigDecimal plainOrNull(BigDecimal q) {
        return q == null ? null : org.openvmi.shared.Decimals.plain(q);
    }

    /**
     * Pauses and resumes channels for the items by their pools' free stock now; each move logged and published
     * ({@link ChannelPauseChanged}, which integration sends as a webhook). Returns whether anything moved.
     */
    public boolean judgePauses(Collection<Long> itemIds) {
        return judgePauses(itemIds, channels.rules());
    }

    /**
     * After postings: the items' pauses judged by their pools' free stock now, {@code movedIn} naming per item the
     * warehouses its stock moved in (a channel is paused only for items it deals in, {@link PauseRule}).
     */
    public boolean judgePauses(Map<Long, Set<Long>> movedIn) {
        List<AllocationRule> rules = channels.rules();
        Collection<Long> itemIds = movedIn.keySet();
        if (itemIds.isEmpty()
                || rules.stream().noneMatch(r -> r.pauseBelow() != null)
                        && channels.paused(itemIds).isEmpty()) {
            return false;
        }
        return judge(itemIds, rules, picture(itemIds, rules), movedIn);
    }

    /** The same under rules the caller read (under its item locks). */
    public boolean judgePauses(Collection<Long> itemIds, List<AllocationRule> rules) {
        if (itemIds.isEmpty()
                || rules.stream().noneMatch(r -> r.pauseBelow() != null)
                        && channels.paused(itemIds).isEmpty()) {
            return false;
        }
        return judge(itemIds, rules, picture(itemIds, rules));
    }

    /**
     * For a channel order under its item locks: the rules in force, pauses and holds read in one statement
     * ({@link ChannelRepository#rulesPausesAndHolds}), the free stock, the pauses judged; the picture to allocate on
     * (its {@code rules()} are those read here). ADR 0082: one round trip less per order than rules, then pauses and
     * holds.
     */
    public Picture judgedPicture(Collection<Long> itemIds) {
        ChannelRepository.RulesPausesAndHolds read = channels.rulesPausesAndHolds(itemIds);
        List<AllocationRule> rules = read.rules();
        Picture p = picture(itemIds, rules, read.pausesAndHolds());
        if (itemIds.isEmpty()
                || rules.stream().noneMatch(r -> r.pauseBelow() != null)
                        && p.paused().isEmpty()) {
            return p;
        }
        return judge(itemIds, rules, p) ? picture(itemIds, rules) : p;
    }

    /**
     * Judges the pauses and answers the picture to allocate on: the one judged on when nothing moved, else a fresh
     * one (the pauses changed). Saves an order its second read of free stock, holds and pauses.
     */
    public Picture judgedPicture(Collection<Long> itemIds, List<AllocationRule> rules) {
        Picture p = picture(itemIds, rules);
        if (itemIds.isEmpty()
                || rules.stream().noneMatch(r -> r.pauseBelow() != null)
                        && p.paused().isEmpty()) {
            return p;
        }
        return judge(itemIds, rules, p) ? picture(itemIds, rules) : p;
    }

    /**
     * Judges the pauses after an order reserved {@code reserved} (per item, per warehouse) on the picture it allocated
     * on, under the same item locks: the free stock is the picture's less what was reserved, so no second read of free
     * stock, holds and pauses is needed (ADR 0077). Returns whether anything moved.
     */
    public boolean judgeAfterReserving(
            Collection<Long> itemIds,
            List<AllocationRule> rules,
            Picture p,
            Map<Long, Map<Long, BigDecimal>> reserved) {
        if (itemIds.isEmpty()
                || rules.stream().noneMatch(r -> r.pauseBelow() != null)
                        && p.paused().isEmpty()) {
            return false;
        }
        Map<Long, Map<Long, BigDecimal>> byWarehouse = new HashMap<>();
        p.freeByWarehouse().forEach((item, free) -> byWarehouse.put(item, new HashMap<>(free)));
        reserved.forEach((item, taken) -> taken.forEach((warehouse, qty) -> byWarehouse
                .computeIfAbsent(item, k -> new HashMap<>())
                .merge(warehouse, qty.negate(), BigDecimal::add)));
        return judge(
                itemIds, rules, new Picture(p.rules(), p.free(), byWarehouse, p.allocation(), p.paused(), p.kept()));
    }

    private boolean judge(Collection<Long> itemIds, List<AllocationRule> rules, Picture p) {
        return judge(itemIds, rules, p, Map.of());
    }

    /**
     * {@code movedIn}: per item, the warehouses where its stock just moved (a posting's subjects; empty when the caller
     * does not know). A channel is paused by its line only for items it deals in ({@link PauseRule}): its pool has
     * free stock of the item, or the item moved in its pool, or the channel has orders of it (read once, only when a
     * pause hangs on it).
     */
    private boolean judge(
            Collection<Long> itemIds, List<AllocationRule> rules, Picture p, Map<Long, Set<Long>> movedIn) {
        Map<Long, ItemRef> items = null;
        Map<Long, Set<Long>> ordered = null;
        boolean moved = false;
        Instant now = clock.instant();
        for (long item : itemIds) {
            for (AllocationRule r : rules) {
                boolean paused = p.paused(item, r.channelId());
                BigDecimal poolFree = p.poolFree(item, r);
                var move = PauseRule.judge(r.pauseBelow(), paused, p.held(item, r.channelId()), poolFree);
                if (move.isPresent() && move.get() == ChannelStatus.PAUSED && poolFree.signum() <= 0) {
                    boolean movedInPool =
                            movedIn.getOrDefault(item, Set.of()).stream().anyMatch(r.pool()::contains);
                    if (!movedInPool && ordered == null) {
                        ordered = channels.orderedBy(itemIds);
                    }
                    boolean concerned =
                            movedInPool || ordered.getOrDefault(item, Set.of()).contains(r.channelId());
                    move = PauseRule.judge(r.pauseBelow(), paused, p.held(item, r.channelId()), poolFree, concerned);
                }
                if (move.isEmpty()) {
                    continue;
                }
                if (move.get() == ChannelStatus.PAUSED) {
                    channels.pause(r.channelId(), item, now);
                } else {
                    channels.resume(r.channelId(), item);
                }
                kept.dropAfterCompletion(List.of(item));
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
