package org.openvmi.channels.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Available-to-sell of one item for every channel, computed so that no unit is promised twice: each unit of free
 * stock at a warehouse is handed to at most one channel, so the channels' ATP add up to at most the free stock.
 * <ol>
 * <li>A channel's entitlement is its fixed quota, or its percentage (rounded down to whole units) of its pool's gross
 * stock (free + what channels hold reserved); what it already holds reserved counts against it.</li>
 * <li>Ring-fenced channels take their remaining entitlement from the free stock of their warehouses, by priority.</li>
 * <li>Open channels (no quota, no percentage) then take what is left in their warehouses, by priority.</li>
 * <li>A channel never takes more than its pool's free stock above its safety buffer; a paused channel takes
 * nothing, and what it would have held goes to the open channels.</li>
 * </ol>
 * Plain Java; the caller holds the item's channel lock so the figures stay true until it reserves.
 */
public final class Allocation {

    /** Per channel: what it may sell, by warehouse id (ascending), and in total. */
    public record Share(long channelId, Map<Long, BigDecimal> byWarehouse, BigDecimal total) {}

    private final Map<Long, Share> shares;

    private Allocation(Map<Long, Share> shares) {
        this.shares = shares;
    }

    public Share of(long channelId) {
        return shares.getOrDefault(channelId, new Share(channelId, Map.of(), BigDecimal.ZERO));
    }

    public BigDecimal total() {
        return shares.values().stream().map(Share::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * @param rules    the active channels' rules
     * @param free     free stock of the item by warehouse id
     * @param held     per channel id, its active reservations of the item by warehouse id
     * @param paused   the channels paused for this item
     */
    public static Allocation compute(
            List<AllocationRule> rules,
            Map<Long, BigDecimal> free,
            Map<Long, Map<Long, BigDecimal>> held,
            Set<Long> paused) {
        List<AllocationRule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparingInt(AllocationRule::priority).thenComparing(AllocationRule::code));
        Map<Long, BigDecimal> left = new HashMap<>(free);
        Map<Long, BigDecimal> heldByWarehouse = new HashMap<>();
        held.values().forEach(m -> m.forEach((w, q) -> heldByWarehouse.merge(w, q, BigDecimal::add)));
        Map<Long, BigDecimal> cap = new HashMap<>();
        Map<Long, Map<Long, BigDecimal>> taken = new HashMap<>();
        for (AllocationRule r : ordered) {
            BigDecimal poolFree = sum(free, r.pool());
            cap.put(
                    r.channelId(),
                    paused.contains(r.channelId())
                            ? BigDecimal.ZERO
                            : poolFree.subtract(r.buffer()).max(BigDecimal.ZERO));
            taken.put(r.channelId(), new TreeMap<>());
        }
        for (AllocationRule r : ordered) {
            if (!r.ringFenced()) {
                continue;
            }
            BigDecimal gross = sum(free, r.pool()).add(sum(heldByWarehouse, r.pool()));
            BigDecimal entitlement = r.fixedQuota() != null
                    ? r.fixedQuota()
                    : gross.multiply(r.percentage()).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
            BigDecimal holds = sum(held.getOrDefault(r.channelId(), Map.of()), r.pool());
            take(r, entitlement.subtract(holds), left, cap, taken);
        }
        for (AllocationRule r : ordered) {
            if (!r.ringFenced()) {
                take(r, null, left, cap, taken);
            }
        }
        Map<Long, Share> shares = new HashMap<>();
        taken.forEach((id, byWarehouse) -> shares.put(
                id,
                new Share(id, byWarehouse, byWarehouse.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
        return new Allocation(shares);
    }

    private static void take(
            AllocationRule r,
            BigDecimal wanted,
            Map<Long, BigDecimal> left,
            Map<Long, BigDecimal> cap,
            Map<Long, Map<Long, BigDecimal>> taken) {
        BigDecimal need = wanted == null ? cap.get(r.channelId()) : wanted.min(cap.get(r.channelId()));
        for (long w : r.pool().stream().sorted().toList()) {
            if (need.signum() <= 0) {
                break;
            }
            BigDecimal t = need.min(left.getOrDefault(w, BigDecimal.ZERO));
            if (t.signum() > 0) {
                left.merge(w, t.negate(), BigDecimal::add);
                taken.get(r.channelId()).merge(w, t, BigDecimal::add);
                cap.merge(r.channelId(), t.negate(), BigDecimal::add);
                need = need.subtract(t);
            }
        }
    }

    private static BigDecimal sum(Map<Long, BigDecimal> byWarehouse, Set<Long> pool) {
        BigDecimal s = BigDecimal.ZERO;
        for (long w : pool) {
            s = s.add(byWarehouse.getOrDefault(w, BigDecimal.ZERO));
        }
        return s;
    }
}
