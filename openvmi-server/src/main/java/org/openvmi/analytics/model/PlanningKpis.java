package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Forecast accuracy and suggestion acceptance (docs/kpis.md). WAPE, not MAPE: a week without demand makes MAPE
 * infinite, and intermittent items have many; WAPE weighs each error by the volume, so it stays defined whenever there
 * was any demand.
 */
public final class PlanningKpis {

    private PlanningKpis() {}

    /** A forecast bucket and the demand that came in it. */
    public record Observation(BigDecimal forecast, BigDecimal actual) {}

    /**
     * WAPE = Σ |forecast − actual| ÷ Σ actual; bias = Σ (forecast − actual) ÷ Σ actual (positive: forecast too high);
     * accuracy = 1 − WAPE, not below 0. All null when there was no demand.
     */
    public record Accuracy(
            long buckets,
            BigDecimal forecast,
            BigDecimal actual,
            BigDecimal wape,
            BigDecimal bias,
            BigDecimal accuracy) {}

    public static Accuracy accuracy(List<Observation> observations) {
        BigDecimal forecast = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal absError = BigDecimal.ZERO;
        for (Observation o : observations) {
            forecast = forecast.add(o.forecast());
            actual = actual.add(o.actual());
            absError = absError.add(o.forecast().subtract(o.actual()).abs());
        }
        BigDecimal wape = Ratios.divide(absError, actual, 4);
        BigDecimal bias = Ratios.divide(forecast.subtract(actual), actual, 4);
        BigDecimal accuracy = wape == null
                ? null
                : BigDecimal.ONE.subtract(wape).max(BigDecimal.ZERO).setScale(4);
        return new Accuracy(
                observations.size(), forecast.stripTrailingZeros(), actual.stripTrailingZeros(), wape, bias, accuracy);
    }

    /**
     * Of the suggestions raised in a period (counted by their status now): accepted ÷ decided (accepted + rejected),
     * and accepted ÷ raised (every status, open and superseded too). Null when the denominator is 0.
     */
    public record Acceptance(
            long raised, long accepted, long rejected, long open, BigDecimal ofDecided, BigDecimal ofRaised) {}

    public static Acceptance acceptance(Map<String, Long> byStatus) {
        long accepted = byStatus.getOrDefault("ACCEPTED", 0L);
        long rejected = byStatus.getOrDefault("REJECTED", 0L);
        long open = byStatus.getOrDefault("OPEN", 0L);
        long raised = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Acceptance(
                raised,
                accepted,
                rejected,
                open,
                Ratios.divide(BigDecimal.valueOf(accepted), BigDecimal.valueOf(accepted + rejected), 4),
                Ratios.divide(BigDecimal.valueOf(accepted), BigDecimal.valueOf(raised), 4));
    }
}
