package org.openvmi.engine.forecast;

import java.util.Arrays;

/** An empirical distribution of demand over a lead time (bootstrap replications), with its quantiles. */
public final class LeadTimeDemand {

    private final double[] sorted;

    LeadTimeDemand(double[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(this.sorted);
    }

    /** A distribution from given replicated totals (e.g. another simulation, or a test's known values). */
    public static LeadTimeDemand of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("need at least one replication");
        }
        return new LeadTimeDemand(samples);
    }

    /** The smallest replicated total such that a share p of the replications are at or below it. */
    public double quantile(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must lie in (0,1]: " + p);
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    public double mean() {
        return Arrays.stream(sorted).average().orElse(0);
    }

    /** Expected units short when stocking {@code level}: the mean of (total − level)⁺ over the replications. */
    public double expectedShortage(double level) {
        double sum = 0;
        for (double x : sorted) {
            if (x > level) {
                sum += x - level;
            }
        }
        return sum / sorted.length;
    }

    public int replications() {
        return sorted.length;
    }
}
