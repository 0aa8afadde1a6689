package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The closing quantity and value of one key on every day of a period, carried forward over days without rows. */
final class DailySeries {

    final BigDecimal[] qty;
    final BigDecimal[] value;

    /** {@code rows} sorted by day. */
    DailySeries(List<DailyFigures> rows, Period period) {
        int n = period.days();
        qty = new BigDecimal[n];
        value = new BigDecimal[n];
        BigDecimal q = BigDecimal.ZERO;
        BigDecimal v = BigDecimal.ZERO;
        int next = 0;
        for (int d = 0; d < n; d++) {
            LocalDate day = period.from().plusDays(d);
            while (next < rows.size() && !rows.get(next).day().isAfter(day)) {
                q = rows.get(next).closingQty();
                v = rows.get(next).closingValue();
                next++;
            }
            qty[d] = q;
            value[d] = v;
        }
    }
}
