package org.openvmi.engine.policy;

import java.util.Arrays;

/**
 * The distribution of demand in whole units over a protection interval of n periods, as probabilities of 0, 1, 2 …
 * units. Two ways to build it:
 * <ul>
 *   <li>{@link #smoothedBootstrap}: for intermittent demand. One period has demand with the history's share of
 *       demand periods q; its size is one of the history's non-zero sizes x, each equally likely, jittered as in
 *       Willemain's bootstrap to x + Z·√x (Z standard normal) rounded to whole units and at least 1. Written out in
 *       closed form (no random draws): P(size = v) = mean over x of [Φ((v + ½ − x)/√x) − Φ((v − ½ − x)/√x)], all
 *       mass below 1½ on 1. The n-period total is the n-fold convolution (periods independent). Unlike the plain
 *       empirical distribution it puts some probability above the largest demand seen, where the stockouts of
 *       spare parts come from.</li>
 *   <li>{@link #normal}: for regular demand, mean μ·n and deviation σ·√n rounded to whole units, kept as a formula
 *       (not a table: regular demand can run to thousands of units a period); negative demand counts as 0 and a
 *       deviation of zero is a point mass at the rounded mean.</li>
 * </ul>
 * Probabilities below 1e-12 in the upper tail of a table are dropped.
 */
public final class UnitDemand {

    private static final double NEGLIGIBLE = 1e-12;

    private final double[] pmf;
    private final double[] tail;
    private final double mean;
    /** Deviation of the normal form; NaN for a table. */
    private final double sd;

    private UnitDemand(double mean, double sd) {
        this.pmf = null;
        this.tail = null;
        this.mean = mean;
        this.sd = sd;
    }

    private UnitDemand(double[] pmf) {
        this.sd = Double.NaN;
        int last = pmf.length - 1;
        while (last > 0 && pmf[last] < NEGLIGIBLE) {
            last--;
        }
        double total = 0;
        for (int v = 0; v <= last; v++) {
            total += pmf[v];
        }
        this.pmf = new double[last + 1];
        double m = 0;
        for (int v = 0; v <= last; v++) {
            this.pmf[v] = pmf[v] / total;
            m += v * this.pmf[v];
        }
        this.mean = m;
        this.tail = new double[last + 1];
        double above = 0;
        for (int v = last; v >= 0; v--) {
            tail[v] = above;
            above += this.pmf[v];
        }
    }

    /** Exactly these probabilities of 0, 1, 2 … units (normalised to sum 1). */
    public static UnitDemand of(double... probabilities) {
        if (probabilities.length == 0
                || Arrays.stream(probabilities).anyMatch(p -> !(p >= 0))
                || Arrays.stream(probabilities).sum() <= 0) {
            throw new IllegalArgumentException("need probabilities of zero or more with a positive sum");
        }
        return new UnitDemand(probabilities);
    }

    public static UnitDemand smoothedBootstrap(double[] history, int periods) {
        requirePeriods(periods);
        double[] sizes = Arrays.stream(history).filter(x -> x > 0).toArray();
        if (sizes.length == 0) {
            return new UnitDemand(new double[] {1});
        }
        double q = (double) sizes.length / history.length;
        double largest = Arrays.stream(sizes).max().orElse(1);
        int top = (int) Math.ceil(largest + 8 * Math.sqrt(largest)) + 1;
        double[] one = new double[top + 1];
        one[0] = 1 - q;
        for (double x : sizes) {
            double sd = Math.sqrt(x);
            double below = Normal.cdf((1.5 - x) / sd);
            one[1] += q * below / sizes.length;
            for (int v = 2; v <= top; v++) {
                double upTo = Normal.cdf((v + 0.5 - x) / sd);
                one[v] += q * (upTo - below) / sizes.length;
                below = upTo;
            }
        }
        return convolved(one, periods);
    }

    public static UnitDemand normal(double meanPerPeriod, double sdPerPeriod, int periods) {
        requirePeriods(periods);
        return new UnitDemand(Math.max(0, meanPerPeriod) * periods, Math.max(0, sdPerPeriod) * Math.sqrt(periods));
    }

    private static UnitDemand convolved(double[] one, int periods) {
        double[] total = one;
        for (int k = 1; k < periods; k++) {
            double[] next = new double[total.length + one.length - 1];
            for (int a = 0; a < total.length; a++) {
                if (total[a] < NEGLIGIBLE) {
                    continue;
                }
                for (int b = 0; b < one.length; b++) {
                    next[a + b] += total[a] * one[b];
                }
            }
            total = next;
        }
        return new UnitDemand(total);
    }

    private static void requirePeriods(int periods) {
        if (periods < 1) {
            throw new IllegalArgumentException("protection interval must be at least 1 period: " + periods);
        }
    }

    private boolean isTable() {
        return pmf != null;
    }

    public double probability(int units) {
        if (isTable()) {
            return units >= 0 && units < pmf.length ? pmf[units] : 0;
        }
        if (units < 0) {
            return 0;
        }
        return (units == 0 ? 1 : above(units - 1)) - above(units);
    }

    /** P(demand &gt; s). */
    public double above(int s) {
        if (s < 0) {
            return 1;
        }
        if (isTable()) {
            return s < tail.length ? tail[s] : 0;
        }
        if (sd == 0) {
            return s < Math.round(mean) ? 1 : 0;
        }
        return 1 - Normal.cdf((s + 0.5 - mean) / sd);
    }

    public double mean() {
        return mean;
    }

    /** The largest demand with a probability above the negligible (eight deviations above the mean, normal form). */
    public int largest() {
        if (isTable()) {
            return pmf.length - 1;
        }
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil(mean + 8 * sd));
    }

    /**
     * E[(D − s)⁺]: units short when stocking s for the interval (for the normal form σ·G((s − μ)/σ), G the standard
     * loss function, or (μ − s)⁺ without deviation).
     */
    public double expectedShortage(int s) {
        if (!isTable()) {
            return sd == 0 ? Math.max(0, Math.round(mean) - s) : sd * Normal.loss((s - mean) / sd);
        }
        double sum = 0;
        for (int v = Math.max(s + 1, 0); v < pmf.length; v++) {
            sum += (v - s) * pmf[v];
        }
        return sum;
    }
}
