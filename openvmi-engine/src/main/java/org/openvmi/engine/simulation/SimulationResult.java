package org.openvmi.engine.simulation;

/**
 * What one replay of a demand series through a policy achieved, over the simulated periods only.
 * <ul>
 *   <li>{@code fillRate} = units served from stock in the period they were demanded / units demanded (NaN when
 *       nothing was demanded);</li>
 *   <li>{@code cycleServiceLevel} = share of periods (each period is one review cycle) without a stockout;</li>
 *   <li>{@code averageOnHand} = mean stock on hand after the period's receipts, before its demand (what the
 *       holding cost is charged on); {@code averageClosingOnHand} the mean after demand;</li>
 *   <li>{@code turnoverPeriods} = average on hand / mean demand per period (infinite with stock and no demand,
 *       NaN with neither).</li>
 * </ul>
 * The per-period arrays (stock after receipts, units served, units ordered) are kept for reports and tests.
 */
public record SimulationResult(
        int periods,
        double demanded,
        double served,
        int stockoutPeriods,
        int ordersPlaced,
        double averageOnHand,
        double averageClosingOnHand,
        double[] openingOnHand,
        double[] servedPerPeriod,
        double[] orderedPerPeriod) {

    public double fillRate() {
        return demanded > 0 ? served / demanded : Double.NaN;
    }

    public double cycleServiceLevel() {
        return periods == 0 ? Double.NaN : 1 - (double) stockoutPeriods / periods;
    }

    public double turnoverPeriods() {
        if (demanded == 0) {
            return averageOnHand == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return averageOnHand / (demanded / periods);
    }
}
