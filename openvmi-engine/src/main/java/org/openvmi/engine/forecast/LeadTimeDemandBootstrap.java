package org.openvmi.engine.forecast;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Lead-time demand distribution of an intermittent item by the bootstrap of Willemain, Smart and Schwarz (2004).
 * Occurrence of demand follows a two-state Markov chain (demand / no demand) whose transition probabilities are
 * counted in the history (a state never left in the history uses the overall share of demand periods); each
 * replication walks the chain for the lead time from the state of the last period. A period with demand draws a
 * size from the history's non-zero demands; with jitter, size x becomes 1 + floor(x + z*sqrt(x)) for a standard
 * normal z, or stays x when that is not positive. The replications' lead-time totals form the distribution.
 * The random generator is injected so results are reproducible.
 */
public final class LeadTimeDemandBootstrap {

    private final int replications;
    private final boolean jitter;
    private final RandomGenerator random;

    public LeadTimeDemandBootstrap(int replications, boolean jitter, RandomGenerator random) {
        if (replications < 1) {
            throw new IllegalArgumentException("need at least one replication: " + replications);
        }
        this.replications = replications;
        this.jitter = jitter;
        this.random = random;
    }

    public LeadTimeDemand simulate(double[] history, int leadTime) {
        if (leadTime < 1) {
            throw new IllegalArgumentException("lead time must be at least 1 period: " + leadTime);
        }
        double[] sizes = Arrays.stream(history).filter(v -> v > 0).toArray();
        double[] totals = new double[replications];
        if (sizes.length == 0) {
            return new LeadTimeDemand(totals);
        }
        // counts[from][to], state 1 = demand
        int[][] counts = new int[2][2];
        for (int t = 1; t < history.length; t++) {
            counts[history[t - 1] > 0 ? 1 : 0][history[t] > 0 ? 1 : 0]++;
        }
        double share = (double) sizes.length / history.length;
        double[] pDemandAfter = new double[2];
        for (int s = 0; s < 2; s++) {
            int out = counts[s][0] + counts[s][1];
            pDemandAfter[s] = out == 0 ? share : (double) counts[s][1] / out;
        }
        for (int r = 0; r < replications; r++) {
            int state = history[history.length - 1] > 0 ? 1 : 0;
            double total = 0;
            for (int k = 0; k < leadTime; k++) {
                state = random.nextDouble() < pDemandAfter[state] ? 1 : 0;
                if (state == 1) {
                    total += size(sizes[random.nextInt(sizes.length)]);
                }
            }
            totals[r] = total;
        }
        return new LeadTimeDemand(totals);
    }

    private double size(double x) {
        if (!jitter) {
            return x;
        }
        double jittered = 1 + Math.floor(x + random.nextGaussian() * Math.sqrt(x));
        return jittered > 0 ? jittered : x;
    }
}
