package org.openvmi.engine.policy;

/**
 * Safety stock, reorder point and order-up-to level for a periodic-review item.
 * <p>
 * The protection interval is lead time L plus review period R. With the normal method the demand over it has mean
 * μ(L+R) and standard deviation σ_P = √((L+R)·σ² + μ²·σ_L²) (forecast error σ per period, lead-time deviation σ_L).
 * A cycle service level α sets the safety factor z = Φ⁻¹(α); a fill rate β the smallest z whose expected shortage
 * per cycle σ_P·G(z) is at most (1 − β)·μR (G the standard loss function), the classic approximation of Silver,
 * Pyke and Thomas. With the empirical method (intermittent demand) the order-up-to level is the quantile, or the
 * smallest level with that expected shortage, of the empirical distribution over ⌈L+R⌉ periods; lead-time
 * variability is added in quadrature as z·μ·σ_L, z taken from the same target under the normal law.
 * Safety stock is never negative; with no demand all lines are zero.
 */
public final class StockLevelCalculator {

    public StockLevels levels(
            DemandOutlook outlook,
            LeadTime leadTime,
            int reviewPeriod,
            ServiceTarget target,
            double economicOrderQuantity) {
        if (reviewPeriod < 1) {
            throw new IllegalArgumentException("review period must be at least 1 period: " + reviewPeriod);
        }
        double mu = outlook.meanPerPeriod();
        double l = leadTime.mean();
        double p = l + reviewPeriod;
        double leadTimeDemand = mu * l;
        double protectionDemand = mu * p;
        double sdP = Math.sqrt(p * sq(outlook.errorSd()) + sq(mu) * sq(leadTime.sd()));
        if (mu == 0 && outlook.errorSd() == 0) {
            return new StockLevels(0, 0, 0, 0, 0, 0, "none", 0);
        }
        double safety;
        double z;
        String method;
        if (outlook.isEmpirical()) {
            var distribution = outlook.empirical().apply((int) Math.ceil(p));
            double level = target.kind() == ServiceTarget.Kind.CYCLE_SERVICE_LEVEL
                    ? distribution.quantile(target.level())
                    : smallestLevelWithShortage(distribution, (1 - target.level()) * mu * reviewPeriod);
            double variability = safetyFactor(target, 1, (1 - target.level()) * reviewPeriod) * mu * leadTime.sd();
            double base = Math.max(0, level - distribution.mean());
            safety = Math.sqrt(sq(base) + sq(Math.max(0, variability)));
            protectionDemand = distribution.mean();
            z = Double.NaN;
            method = "empirical";
        } else {
            z = sdP == 0 ? 0 : safetyFactor(target, sdP, (1 - target.level()) * mu * reviewPeriod);
            safety = Math.max(0, z * sdP);
            method = "normal";
        }
        double reorderPoint = leadTimeDemand + safety;
        double orderUpTo = Math.max(protectionDemand + safety, reorderPoint + Math.max(0, economicOrderQuantity));
        return new StockLevels(safety, reorderPoint, orderUpTo, leadTimeDemand, protectionDemand, sdP, method, z);
    }

    private static double safetyFactor(ServiceTarget target, double sd, double allowedShortage) {
        if (target.kind() == ServiceTarget.Kind.CYCLE_SERVICE_LEVEL) {
            return Normal.inverse(target.level());
        }
        // G is decreasing: bisect for G(z) = allowed / sd on [-4, 6]
        double wanted = allowedShortage / sd;
        double lo = -4;
        double hi = 6;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (Normal.loss(mid) > wanted) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double smallestLevelWithShortage(org.openvmi.engine.forecast.LeadTimeDemand d, double allowed) {
        double lo = 0;
        double hi = d.quantile(1.0);
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            if (d.expectedShortage(mid) > allowed) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double sq(double x) {
        return x * x;
    }
}
