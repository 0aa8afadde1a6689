package org.openvmi.stockpolicy.model;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.StockLines;

/**
 * Which lines a stock level is beyond, each with the line it crossed. Below the lines only the most severe level
 * counts (one alert per item and warehouse that changes level as stock moves, ADR 0010 addendum):
 * <ul>
 *   <li>STOCKOUT: nothing left (stock ≤ 0);</li>
 *   <li>else BELOW_SAFETY: stock &lt; safety stock;</li>
 *   <li>else BELOW_WARNING: stock &lt; warning (reorder) line;</li>
 *   <li>ABOVE_MAX: stock &gt; max (its own kind; it never holds together with a below level, as max ≥ warning).</li>
 * </ul>
 * A line of zero is never crossed from below (stock below zero safety stock is already a stockout).
 */
public final class LineBreaches {

    private LineBreaches() {}

    public static Map<AlertType, BigDecimal> of(StockLines lines, BigDecimal stock) {
        Map<AlertType, BigDecimal> breached = new EnumMap<>(AlertType.class);
        if (stock.signum() <= 0) {
            breached.put(AlertType.STOCKOUT, BigDecimal.ZERO);
        } else if (stock.compareTo(lines.safety()) < 0) {
            breached.put(AlertType.BELOW_SAFETY, lines.safety());
        } else if (stock.compareTo(lines.warning()) < 0) {
            breached.put(AlertType.BELOW_WARNING, lines.warning());
        }
        if (stock.compareTo(lines.max()) > 0) {
            breached.put(AlertType.ABOVE_MAX, lines.max());
        }
        return breached;
    }
}
