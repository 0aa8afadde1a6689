package org.openvmi.transferplan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transfer plan: its moves (transfers, each with its reason, its cost and what buying the same quantity new would
 * cost), the needs left to buying, and days of cover per warehouse before and after the moves.
 * {@code purchaseCostSaved} = what buying the moved quantities would cost − what moving them costs.
 */
public record TransferPlanView(
        long id,
        String status,
        List<String> warehouses,
        List<String> items,
        int coverDays,
        int itemCount,
        BigDecimal transferCost,
        BigDecimal purchaseCost,
        BigDecimal purchaseCostSaved,
        long durationMs,
        Instant createdAt,
        String createdBy,
        Instant acceptedAt,
        String acceptedBy,
        List<Move> moves,
        List<Purchase> purchases,
        List<Cover> cover) {

    /**
     * A transfer: whole packs over a lane, why (need at the destination, excess at the source) and its costs, against
     * buying new: {@code purchaseCost} for the money, {@code leadTimeDays} (buying's lead time, null when the item
     * cannot be bought) for the time; {@code slowerThanBuying}: its transit is longer (only for an item nobody sells
     * is such a lane used; otherwise the need is bought, see {@link Purchase#slowLaneDays()}).
     */
    public record Move(
            long id,
            String item,
            String itemName,
            String from,
            String to,
            BigDecimal qty,
            int packs,
            BigDecimal packSize,
            BigDecimal costPerUnit,
            int transitDays,
            BigDecimal transferCost,
            BigDecimal purchasePrice,
            BigDecimal purchaseCost,
            String need,
            String excess,
            Long transfer,
            Integer leadTimeDays,
            boolean slowerThanBuying) {}

    /**
     * A need (or its rest) left to buying: cheaper than any lane, no source with excess, no lane, or every lane slower
     * than buying ({@code slowLaneDays}: the fastest such lane's transit, against {@code leadTimeDays}); cost null:
     * nobody sells it.
     */
    public record Purchase(
            long id,
            String item,
            String itemName,
            String warehouse,
            BigDecimal qty,
            int packs,
            BigDecimal purchasePrice,
            BigDecimal purchaseCost,
            String need,
            Integer leadTimeDays,
            Integer slowLaneDays) {}

    /** A warehouse's stock and demand summed over the plan's items; days of cover null without demand. */
    public record Cover(
            String warehouse,
            BigDecimal available,
            BigDecimal dailyDemand,
            BigDecimal inbound,
            BigDecimal outbound,
            BigDecimal daysBefore,
            BigDecimal daysAfter) {}
}
