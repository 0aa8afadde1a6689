package org.openvmi.engine.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds the price of fill λ (see {@link org.openvmi.engine.policy.FillRateAllocation}) at which the mean item fill
 * rate meets a target, by a backtest inside the history only: every series is cut at {@code cut} periods, the policy
 * is replayed over the periods from the cut to the end of the history, and λ is bisected (on a log scale, the fill
 * rate falls as λ rises) until the mean fill rate of the backtest equals the target. Series count in the mean when
 * they had demand both before the cut (an item never demanded is not stocked, as in the real run, where every
 * series has a history) and after it (a fill rate needs demand). Nothing after the history is looked at.
 */
public final class TargetCalibration {

    /** The policy of one series for a given λ. */
    @FunctionalInterface
    public interface PricedPolicy {
        PolicySource source(int series, double lambda);
    }

    /** λ found, the backtest's mean fill rate there, how many series it counted and the periods it replayed. */
    public record Result(double lambda, double backtestFillRate, int series, int cut, int end) {}

    private static final double LOWEST = -10;
    private static final double HIGHEST = 4;

    private final InventorySimulator simulator;
    private final int iterations;
    private final double totalShare;

    public TargetCalibration(InventorySimulator simulator, int iterations) {
        this(simulator, iterations, 0);
    }

    private TargetCalibration(InventorySimulator simulator, int iterations, double totalShare) {
        if (!(totalShare >= 0 && totalShare <= 1)) {
            throw new IllegalArgumentException("share of the total fill rate must lie in [0, 1]: " + totalShare);
        }
        this.simulator = simulator;
        this.iterations = iterations;
        this.totalShare = totalShare;
    }

    /**
     * The same calibration aiming the target at (1 − w) × mean item fill rate + w × total fill rate (Σ served /
     * Σ demanded over the counted series) of the backtest, instead of the mean alone.
     */
    public TargetCalibration onBlendWithTotal(double w) {
        return new TargetCalibration(simulator, iterations, w);
    }

    /**
     * @param histories the series' histories (only these periods are used), all at least {@code cut + 1} long
     * @param cut       periods before the backtest
     */
    public Result calibrate(List<double[]> histories, int cut, double target, PricedPolicy policy) {
        return calibrate(histories, cut, target, policy, done -> {});
    }

    /** The same, telling {@code progress} how many of the {@link #evaluations()} backtests are done. */
    public Result calibrate(
            List<double[]> histories,
            int cut,
            double target,
            PricedPolicy policy,
            java.util.function.IntConsumer progress) {
        int[] counted = IntStream.range(0, histories.size())
                .filter(i -> histories.get(i).length > cut
                        && sum(histories.get(i), 0, cut) > 0
                        && sum(histories.get(i), cut, histories.get(i).length) > 0)
                .toArray();
        int end = histories.stream().mapToInt(h -> h.length).max().orElse(cut);
        if (counted.length == 0) {
            return new Result(Math.pow(10, LOWEST), Double.NaN, 0, cut, end);
        }
        double lo = LOWEST;
        double hi = HIGHEST;
        double fillAtLo = meanFill(histories, counted, cut, policy, Math.pow(10, lo));
        progress.accept(1);
        if (fillAtLo <= target) {
            return new Result(Math.pow(10, lo), fillAtLo, counted.length, cut, end);
        }
        double fill = fillAtLo;
        for (int k = 0; k < iterations; k++) {
            double mid = (lo + hi) / 2;
            double f = meanFill(histories, counted, cut, policy, Math.pow(10, mid));
            progress.accept(k + 2);
            if (f >= target) {
                lo = mid;
                fill = f;
            } else {
                hi = mid;
            }
        }
        return new Result(Math.pow(10, lo), fill, counted.length, cut, end);
    }

    /**
     * Where the backtest of a history of {@code train} periods starts, when the real run simulates the periods after
     * it up to {@code longest}: as many periods as the real run, but never more than half of the history.
     */
    public static int backtestCut(int train, int longest) {
        return Math.max((train + 1) / 2, train - (longest - train));
    }

    /** How many backtests a calibration runs at most. */
    public int evaluations() {
        return iterations + 1;
    }

    private double meanFill(List<double[]> histories, int[] counted, int cut, PricedPolicy policy, double lambda) {
        SimulationResult[] results = Arrays.stream(counted)
                .parallel()
                .mapToObj(i -> simulator.run(histories.get(i), cut, policy.source(i, lambda)))
                .toArray(SimulationResult[]::new);
        double mean = Arrays.stream(results)
                .mapToDouble(SimulationResult::fillRate)
                .average()
                .orElse(Double.NaN);
        if (totalShare == 0) {
            return mean;
        }
        double served =
                Arrays.stream(results).mapToDouble(SimulationResult::served).sum();
        double demanded =
                Arrays.stream(results).mapToDouble(SimulationResult::demanded).sum();
        return (1 - totalShare) * mean + totalShare * served / demanded;
    }

    private static double sum(double[] y, int from, int to) {
        double s = 0;
        for (int t = from; t < to; t++) {
            s += y[t];
        }
        return s;
    }
}
