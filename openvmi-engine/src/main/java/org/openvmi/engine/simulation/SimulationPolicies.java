package org.openvmi.engine.simulation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.openvmi.engine.forecast.AutoForecaster;
import org.openvmi.engine.forecast.DemandClass;
import org.openvmi.engine.forecast.DemandClassifier;
import org.openvmi.engine.forecast.ForecastModel;
import org.openvmi.engine.forecast.ModelChoice;
import org.openvmi.engine.policy.DemandOutlook;
import org.openvmi.engine.policy.DemandOutlooks;
import org.openvmi.engine.policy.FillObjective;
import org.openvmi.engine.policy.FillRateAllocation;
import org.openvmi.engine.policy.LeadTime;
import org.openvmi.engine.policy.OrderRounding;
import org.openvmi.engine.policy.ReplenishmentPolicy;
import org.openvmi.engine.policy.ServiceTarget;
import org.openvmi.engine.policy.StockLevelCalculator;
import org.openvmi.engine.policy.UnitDemand;

/**
 * The order-up-to policies the simulate command and the stock policy bench run, per series.
 * <ul>
 *   <li>{@code system} allocation (default): the level of {@link FillRateAllocation} for a price of fill λ that the
 *       caller calibrates on the history; demand over lead time + 1 review period by the smoothed bootstrap for
 *       sporadic series (intermittent, lumpy, or too short to classify), by the normal law around the automatic
 *       forecast with its in-sample error deviation for regular ones. The fill valued is the {@link FillObjective}
 *       (the mean of items unless {@link #valuing} says otherwise).</li>
 *   <li>{@code item} allocation: the same fill rate target for every item by the engine's
 *       {@link StockLevelCalculator} (Willemain's bootstrap for sporadic series, normal otherwise).</li>
 * </ul>
 * Dynamic policies recompute the level every period from all demand seen so far; static ones compute it once from
 * the periods before the simulation and keep it.
 */
public final class SimulationPolicies {

    public static final OrderRounding WHOLE_UNITS = new OrderRounding(BigDecimal.ZERO, BigDecimal.ONE);

    private final int leadTime;
    private final ServiceTarget target;
    private final AutoForecaster auto;
    private final int season;
    private final DemandClassifier classifier = new DemandClassifier();
    private final StockLevelCalculator calculator = new StockLevelCalculator();
    private final FillObjective objective;

    public SimulationPolicies(int leadTime, double fillRate, int season) {
        this(leadTime, fillRate, season, FillObjective.meanOfItems());
    }

    private SimulationPolicies(int leadTime, double fillRate, int season, FillObjective objective) {
        this.leadTime = leadTime;
        this.target = ServiceTarget.fillRate(fillRate);
        this.auto = new AutoForecaster(season, 4);
        this.season = season;
        this.objective = objective;
    }

    /** The same policies, the system allocation valuing fill by this objective. */
    public SimulationPolicies valuing(FillObjective fill) {
        return new SimulationPolicies(leadTime, target.level(), season, fill);
    }

    public Series series(double unitCost, RandomGenerator random) {
        return new Series(unitCost, random);
    }

    /**
     * One series' policies; demand distributions are kept by history length, so recalibrating λ is cheap. The
     * automatic model choice (a backtest of every candidate) is redone every {@value #RESELECT} periods; in between
     * the chosen model is refitted to each new history, which is most of the accuracy at a fraction of the cost.
     */
    public final class Series {

        private static final int RESELECT = 12;

        private final double unitCost;
        private final RandomGenerator random;
        private final Map<Integer, UnitDemand> demandByLength = new ConcurrentHashMap<>();
        private ForecastModel model;
        private int chosenAt = -1;

        private Series(double unitCost, RandomGenerator random) {
            this.unitCost = unitCost;
            this.random = random;
        }

        public PolicySource system(double lambda, boolean dynamic) {
            if (dynamic) {
                return observed -> new ReplenishmentPolicy.OrderUpTo(systemLevel(observed, lambda));
            }
            return new Fixed(observed -> systemLevel(observed, lambda));
        }

        public PolicySource item(boolean dynamic) {
            if (dynamic) {
                return observed -> new ReplenishmentPolicy.OrderUpTo(itemLevel(observed));
            }
            return new Fixed(this::itemLevel);
        }

        private double systemLevel(double[] observed, double lambda) {
            UnitDemand demand = demandByLength.computeIfAbsent(observed.length, n -> demand(observed));
            double perReview = demand.mean() / (leadTime + 1);
            return FillRateAllocation.level(demand, perReview, unitCost, lambda, objective);
        }

        private UnitDemand demand(double[] observed) {
            DemandClass demandClass = classifier.classify(observed).demandClass();
            if (demandClass == DemandClass.SMOOTH || demandClass == DemandClass.ERRATIC) {
                DemandOutlook outlook = new DemandOutlooks(1, random).of(observed, forecast(observed));
                return UnitDemand.normal(outlook.meanPerPeriod(), outlook.errorSd(), leadTime + 1);
            }
            return UnitDemand.smoothedBootstrap(observed, leadTime + 1);
        }

        private synchronized ModelChoice forecast(double[] observed) {
            int n = observed.length;
            if (model == null || n < chosenAt || n - chosenAt >= RESELECT) {
                ModelChoice choice = auto.choose(observed, leadTime + 1);
                model = choice.model();
                chosenAt = n;
                return choice;
            }
            double[] forecast = model.canFit(observed)
                    ? model.fit(observed).forecast(leadTime + 1)
                    : auto.choose(observed, leadTime + 1).forecast();
            return new ModelChoice(classifier.classify(observed), model, "refit", Double.NaN, Map.of(), forecast);
        }

        private double itemLevel(double[] observed) {
            DemandOutlook outlook = new DemandOutlooks(1000, random).of(observed, forecast(observed));
            return calculator
                    .levels(outlook, LeadTime.fixed(leadTime), 1, target, 0)
                    .orderUpTo();
        }
    }

    /** A level computed from the first history it is asked with, then kept. */
    private static final class Fixed implements PolicySource {
        private final java.util.function.ToDoubleFunction<double[]> level;
        private ReplenishmentPolicy policy;

        Fixed(java.util.function.ToDoubleFunction<double[]> level) {
            this.level = level;
        }

        @Override
        public ReplenishmentPolicy policyFor(double[] observed) {
            if (policy == null) {
                policy = new ReplenishmentPolicy.OrderUpTo(level.applyAsDouble(observed));
            }
            return policy;
        }
    }
}
