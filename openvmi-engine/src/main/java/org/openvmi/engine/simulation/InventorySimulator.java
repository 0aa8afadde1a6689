package org.openvmi.engine.simulation;

import java.util.Arrays;
import org.openvmi.engine.policy.OrderRounding;
import org.openvmi.engine.policy.ReplenishmentPolicy;

/**
 * Replays a demand series through a periodic-review policy with a fixed lead time of L whole periods.
 * <p>
 * Periods before {@code firstPeriod} are history only. Each simulated period t runs in this order:
 * <ol>
 *   <li>orders placed in period t − L arrive (with L = 0 the order of step 2 arrives at once);</li>
 *   <li>the policy for t is asked of the {@link PolicySource} with the demand of periods 0 … t−1 and orders what
 *       it wants for the inventory position (on hand + on order − backorders), rounded by the {@link OrderRounding};</li>
 *   <li>the stock on hand now is recorded (the holding cost base);</li>
 *   <li>demand of t is served from stock: backorders first (BACKORDERS), the rest is lost (LOST_SALES) or waits.</li>
 * </ol>
 * The simulation starts with the stock the first policy would order up to from nothing ({@code wanted(0)}) and
 * nothing on order, so a policy that covers its lead time is not punished for the empty start; start empty with
 * {@link #startingEmpty()}.
 */
public final class InventorySimulator {

    private final int leadTime;
    private final ShortageMode shortageMode;
    private final OrderRounding rounding;
    private final boolean startFull;

    public InventorySimulator(int leadTime, ShortageMode shortageMode, OrderRounding rounding) {
        this(leadTime, shortageMode, rounding, true);
    }

    private InventorySimulator(int leadTime, ShortageMode shortageMode, OrderRounding rounding, boolean startFull) {
        if (leadTime < 0) {
            throw new IllegalArgumentException("lead time must be zero or more periods: " + leadTime);
        }
        this.leadTime = leadTime;
        this.shortageMode = shortageMode;
        this.rounding = rounding;
        this.startFull = startFull;
    }

    /** The same simulator with no stock at the start. */
    public InventorySimulator startingEmpty() {
        return new InventorySimulator(leadTime, shortageMode, rounding, false);
    }

    public SimulationResult run(double[] demand, int firstPeriod, PolicySource source) {
        if (firstPeriod < 0 || firstPeriod >= demand.length) {
            throw new IllegalArgumentException(
                    "first simulated period " + firstPeriod + " outside the series of " + demand.length + " periods");
        }
        int periods = demand.length - firstPeriod;
        double[] arriving = new double[demand.length + leadTime + 1];
        double[] opening = new double[periods];
        double[] servedPerPeriod = new double[periods];
        double[] ordered = new double[periods];
        double onHand = 0;
        double backlog = 0;
        double onOrder = 0;
        double demanded = 0;
        double served = 0;
        double closingSum = 0;
        int stockouts = 0;
        int orders = 0;
        for (int t = firstPeriod; t < demand.length; t++) {
            int k = t - firstPeriod;
            ReplenishmentPolicy policy = source.policyFor(Arrays.copyOf(demand, t));
            if (k == 0 && startFull) {
                onHand = rounding.round(policy.wanted(0)).doubleValue();
            }
            onHand += arriving[t];
            onOrder -= arriving[t];
            double quantity = policy.order(onHand + onOrder - backlog, rounding).doubleValue();
            if (quantity > 0) {
                orders++;
                ordered[k] = quantity;
                if (leadTime == 0) {
                    onHand += quantity;
                } else {
                    arriving[t + leadTime] += quantity;
                    onOrder += quantity;
                }
            }
            opening[k] = onHand;
            double d = demand[t];
            double toBacklog = Math.min(onHand, backlog);
            onHand -= toBacklog;
            backlog -= toBacklog;
            double now = Math.min(onHand, d);
            onHand -= now;
            if (shortageMode == ShortageMode.BACKORDERS) {
                backlog += d - now;
            }
            servedPerPeriod[k] = now;
            demanded += d;
            served += now;
            if (now < d) {
                stockouts++;
            }
            closingSum += onHand;
        }
        double openingSum = Arrays.stream(opening).sum();
        return new SimulationResult(
                periods,
                demanded,
                served,
                stockouts,
                orders,
                openingSum / periods,
                closingSum / periods,
                opening,
                servedPerPeriod,
                ordered);
    }
}
