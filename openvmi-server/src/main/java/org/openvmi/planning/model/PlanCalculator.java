package org.openvmi.planning.model;

import java.util.SplittableRandom;
import org.openvmi.engine.forecast.AutoForecaster;
import org.openvmi.engine.forecast.ModelChoice;
import org.openvmi.engine.policy.DemandOutlook;
import org.openvmi.engine.policy.DemandOutlooks;
import org.openvmi.engine.policy.LeadTime;
import org.openvmi.engine.policy.ServiceTarget;
import org.openvmi.engine.policy.StockLevelCalculator;
import org.openvmi.engine.policy.StockLevels;

/**
 * Forecast and stock lines of one item at one warehouse in weekly periods: automatic model choice (yearly season of
 * 52 weeks, several backtest origins), the demand outlook (bootstrap for intermittent demand, seeded by item and
 * warehouse so a rerun gives the same numbers), and safety / reorder point / order-up-to for the cycle service level
 * over lead time + one week of review. Thread-safe: one instance serves the whole fit pool.
 */
public final class PlanCalculator {

    public static final int SEASON_WEEKS = 52;
    private static final int REPLICATIONS = 200;
    private static final int REVIEW_WEEKS = 1;

    private final AutoForecaster forecaster;
    private final StockLevelCalculator calculator = new StockLevelCalculator();

    /** {@code origins}: backtest origins of the automatic model choice (3 by default; 1 is about 40 % faster). */
    public PlanCalculator(int origins) {
        this.forecaster = new AutoForecaster(SEASON_WEEKS, origins);
    }

    public PlanCalculator() {
        this(3);
    }

    public Plan plan(PlanInput in) {
        double[] history = in.weekly();
        ModelChoice choice = forecaster.choose(history, in.horizonWeeks());
        DemandOutlooks outlooks =
                new DemandOutlooks(REPLICATIONS, new SplittableRandom(in.itemId() * 1_000_003L + in.warehouseId()));
        DemandOutlook outlook = outlooks.of(history, choice);
        LeadTime leadTime =
                new LeadTime(in.leadTime().meanDays() / 7.0, in.leadTime().sdDays() / 7.0);
        StockLevels levels = calculator.levels(
                outlook, leadTime, REVIEW_WEEKS, ServiceTarget.cycleServiceLevel(in.serviceLevel()), 0);
        return new Plan(in, choice, outlook.meanPerPeriod(), outlook.errorSd(), levels);
    }
}
