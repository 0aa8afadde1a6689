package org.openvmi.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** A KPI value with its previous period and trend, as {@link AnalyticsQueries} builds them (docs/kpis.md). */
final class KpiTrends {

    private KpiTrends() {}

    static KpiValue value(String code, String unit, BigDecimal value, BigDecimal previous) {
        return new KpiValue(code, unit, value, previous, trend(value, previous));
    }

    /** Trend = (value − previous) ÷ |previous|; null when either is missing or previous is 0. */
    static BigDecimal trend(BigDecimal value, BigDecimal previous) {
        return value == null || previous == null || previous.signum() == 0
                ? null
                : value.subtract(previous)
                        .divide(previous.abs(), MathContext.DECIMAL64)
                        .setScale(4, RoundingMode.HALF_UP);
    }

    static BigDecimal find(KpiReport report, String code, boolean previous) {
        for (KpiValue k : report.kpis()) {
            if (k.code().equals(code)) {
                return previous ? k.previous() : k.value();
            }
        }
        return null;
    }
}
