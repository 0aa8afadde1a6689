package org.openvmi.planning.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openvmi.engine.forecast.ModelChoice;
import org.openvmi.engine.policy.StockLevels;

/**
 * The outcome for one item at one warehouse: the model chosen, its forecast and the three stock lines in force —
 * the planned ones ({@code planned*}), or the ones people set when the policy is MANUAL.
 */
public record Plan(PlanInput input, ModelChoice choice, double meanPerWeek, double errorSd, StockLevels levels) {

    public BigDecimal plannedSafety() {
        return units(levels.safety());
    }

    public BigDecimal plannedReorderPoint() {
        return units(levels.reorderPoint());
    }

    public BigDecimal plannedOrderUpTo() {
        return units(levels.orderUpTo());
    }

    public boolean manual() {
        return input.manual() != null;
    }

    public BigDecimal safety() {
        return manual() ? input.manual().safety() : plannedSafety();
    }

    public BigDecimal reorderPoint() {
        return manual() ? input.manual().warning() : plannedReorderPoint();
    }

    public BigDecimal orderUpTo() {
        return manual() ? input.manual().max() : plannedOrderUpTo();
    }

    /** Expected demand over the run's horizon. */
    public BigDecimal forecastOverHorizon() {
        return units(meanPerWeek * input.horizonDays() / 7.0);
    }

    /** Quantities kept to two decimals (the stock lines are compared with stock, never summed). */
    static BigDecimal units(double x) {
        if (!Double.isFinite(x) || x <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP);
    }
}
