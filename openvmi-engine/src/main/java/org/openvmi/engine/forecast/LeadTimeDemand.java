package org.openvmi.engine.forecast;

import java.util.Arrays;

/** An empirical distribution of demand over a lead time (bootstrap replications), with its quantiles. */
public final class LeadTimeDemand {

    private final double[] sorted;

    LeadTimeDemand(double[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(this.sorted);
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

    public int replications() {
        return sorted.length;
    }
}
