package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * What stale stock and inventory health need of one item × warehouse at the end of a day (ADR 0096), summed over its
 * owners' keys by the database: the stock of all owners ({@code qty}, what the stock lines are compared with), the
 * value and number of its keys with stock that are stale at that day, and the value of its keys with stock that are
 * not. The same figures {@link KpiCalculator} and {@link Health} get from each key's state.
 */
public record EndState(
        String item, String warehouse, BigDecimal qty, BigDecimal staleValue, long staleLines, BigDecimal freshValue) {

    /** The stale value of the item × warehouses, summed (unrounded). */
    public static BigDecimal staleValue(Collection<EndState> states) {
        BigDecimal sum = BigDecimal.ZERO;
        for (EndState s : states) {
            sum = sum.add(s.staleValue());
        }
        return sum;
    }

    /** The number of stale keys with stock. */
    public static long staleLines(Collection<EndState> states) {
        long n = 0;
        for (EndState s : states) {
            n += s.staleLines();
        }
        return n;
    }
}
