package org.openvmi.engine.policy;

import java.util.Objects;
import java.util.function.IntFunction;
import org.openvmi.engine.forecast.LeadTimeDemand;

/**
 * What the forecast says about demand per period: its mean, the standard deviation of one-period forecast errors
 * and, for intermittent demand, an optional source of empirical demand distributions over a number of periods
 * (e.g. {@link org.openvmi.engine.forecast.LeadTimeDemandBootstrap}) used instead of the normal approximation,
 * which puts stock where intermittent demand never is.
 */
public record DemandOutlook(double meanPerPeriod, double errorSd, IntFunction<LeadTimeDemand> empirical) {

    public DemandOutlook {
        if (!(meanPerPeriod >= 0) || Double.isInfinite(meanPerPeriod)) {
            throw new IllegalArgumentException("mean demand must be zero or more: " + meanPerPeriod);
        }
        if (!(errorSd >= 0) || Double.isInfinite(errorSd)) {
            throw new IllegalArgumentException("forecast error deviation must be zero or more: " + errorSd);
        }
    }

    public static DemandOutlook normal(double meanPerPeriod, double errorSd) {
        return new DemandOutlook(meanPerPeriod, errorSd, null);
    }

    public static DemandOutlook empirical(
            double meanPerPeriod, double errorSd, IntFunction<LeadTimeDemand> distributionOverPeriods) {
        return new DemandOutlook(meanPerPeriod, errorSd, Objects.requireNonNull(distributionOverPeriods));
    }

    public boolean isEmpirical() {
        return empirical != null;
    }
}
