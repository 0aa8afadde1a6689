package org.openvmi.analytics.model;

import java.util.SplittableRandom;
import org.openvmi.engine.forecast.AutoForecaster;
import org.openvmi.engine.forecast.ModelChoice;
import org.openvmi.engine.policy.DemandOutlook;
import org.openvmi.engine.policy.DemandOutlooks;
import org.openvmi.engine.policy.LeadTime;
import org.openvmi.engine.policy.OrderRounding;
import org.openvmi.engine.policy.ReplenishmentPolicy;
import org.openvmi.engine.policy.ServiceTarget;
import org.openvmi.engine.policy.StockLevelCalculator;
import org.openvmi.engine.policy.StockLevels;
import org.openvmi.engine.simulation.InventorySimulator;
import org.openvmi.engine.simulation.PolicySource;
import org.openvmi.engine.simulation.ShortageMode;
import org.openvmi.engine.simulation.SimulationResult;

/**
 * Replays one item's weekly demand (history weeks, then the weeks of the report period) through the engine's
 * simulator twice: the baseline policy (fixed) and the engine's dynamic policy, which recomputes its order-up-to
 * level every week from the demand seen so far at the fill-rate target (ADR 0040). Lost sales: a week's unmet demand
 * is gone, as on a shop floor that takes another part; whole units; one review per week.
 */
public final class EffectSimulation {

    /** The engine's levels are computed with this many bootstrap replications (as the planning run does). */
    private static final int REPLICATIONS = 1000;
    /** Yearly season on weekly buckets; shorter histories simply do not offer the seasonal models. */
    private static final int SEASON = 52;

    private final int leadTimeWeeks;
    private final ServiceTarget target;
    private final StockLevelCalculator calculator = new StockLevelCalculator();
    private final AutoForecaster forecaster = new AutoForecaster(SEASON, 4);

    public EffectSimulation(int leadTimeWeeks, double fillRateTarget) {
        this.leadTimeWeeks = leadTimeWeeks;
        this.target = ServiceTarget.fillRate(fillRateTarget);
    }

    /** Both replays of one series; {@code seed} makes the bootstrap repeatable (the report and its apply agree). */
    public Outcome run(double[] weekly, int firstWeek, ReplenishmentPolicy baseline, long seed) {
        InventorySimulator simulator =
                new InventorySimulator(leadTimeWeeks, ShortageMode.LOST_SALES, OrderRounding.NONE);
        SimulationResult a = simulator.run(weekly, firstWeek, PolicySource.fixed(baseline));
        SimulationResult b = simulator.run(
                weekly,
                firstWeek,
                observed ->
                        new ReplenishmentPolicy.OrderUpTo(levels(observed, seed).orderUpTo()));
        return new Outcome(a, b, levels(weekly, seed));
    }

    /** The engine's lines for a history (what applying the report writes: the levels after the last week). */
    public StockLevels levels(double[] history, long seed) {
        ModelChoice choice = forecaster.choose(history, leadTimeWeeks + 1);
        DemandOutlook outlook =
                new DemandOutlooks(REPLICATIONS, new SplittableRandom(seed + history.length)).of(history, choice);
        return calculator.levels(outlook, LeadTime.fixed(leadTimeWeeks), 1, target, 0);
    }

    /** "N weeks of cover": order up to N times the mean weekly demand of the history before the period. */
    public static ReplenishmentPolicy weeksOfCover(double[] weekly, int firstWeek, int weeks) {
        double sum = 0;
        for (int i = 0; i < firstWeek; i++) {
            sum += weekly[i];
        }
        return new ReplenishmentPolicy.OrderUpTo(firstWeek == 0 ? 0 : weeks * sum / firstWeek);
    }

    /** The baseline's replay, the engine's replay and the engine's lines at the end of the period. */
    public record Outcome(SimulationResult baseline, SimulationResult engine, StockLevels finalLevels) {}
}
