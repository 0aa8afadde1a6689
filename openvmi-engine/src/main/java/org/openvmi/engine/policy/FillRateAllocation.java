package org.openvmi.engine.policy;

/**
 * Order-up-to levels for a fill rate target on the mean of many items at the least holding cost (the "system
 * approach" to spare parts, as in Sherbrooke's marginal analysis), instead of the same target for each item.
 * <p>
 * Raising an item's level from s to s + 1 adds P(D &gt; s) / μ to its expected fill rate per cycle (D the demand over
 * the protection interval, μ the demand in one review period) and one unit to its stock, costing its unit price c.
 * For a price of fill λ the level is the smallest s whose next unit gains less than λ·c; with the same λ for all
 * items no unit moved from one item to another could raise the mean fill rate at the same cost. λ itself is set so
 * that the mean fill rate meets the target (see {@code org.openvmi.engine.simulation.TargetCalibration}).
 * An item without price (c = 0) stocks up to the level where the next unit is needed with probability below 1e-6.
 */
public final class FillRateAllocation {

    private static final double UNLIKELY = 1e-6;

    private FillRateAllocation() {}

    public static int level(UnitDemand demand, double demandPerReview, double unitCost, double lambda) {
        return level(demand, demandPerReview, unitCost, lambda, FillObjective.meanOfItems());
    }

    /**
     * The level for a blend of mean item and total fill rate: the smallest s whose next unit gains
     * P(D &gt; s) · {@link FillObjective#weight} less than λ·c.
     */
    public static int level(
            UnitDemand demand, double demandPerReview, double unitCost, double lambda, FillObjective objective) {
        if (!(lambda >= 0) || !(unitCost >= 0)) {
            throw new IllegalArgumentException("price of fill and unit cost must be zero or more");
        }
        if (!(demandPerReview > 0)) {
            return 0;
        }
        // P(D > s) falls as s rises: bisect for the smallest s below the larger of the two bars
        // (the mean of items alone keeps ADR 0007's exact arithmetic, λ·c·μ)
        double bar = Math.max(
                UNLIKELY,
                objective.totalShare() == 0
                        ? lambda * unitCost * demandPerReview
                        : lambda * unitCost / objective.weight(demandPerReview));
        int lo = 0;
        int hi = demand.largest();
        if (demand.above(hi) >= bar) {
            return hi + 1;
        }
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (demand.above(mid) < bar) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
