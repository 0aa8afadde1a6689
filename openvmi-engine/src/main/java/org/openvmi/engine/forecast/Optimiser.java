package org.openvmi.engine.forecast;

import java.util.function.ToDoubleFunction;

/**
 * Bounded minimisation of a smoothing model's in-sample SSE: a coarse-to-fine grid. Each round evaluates a regular
 * grid of {@code points} values per dimension inside the current box, then shrinks the box around the best point
 * (to two grid steps either side, clipped to the original bounds). Every evaluated point lies within
 * [lower, upper], so fitted parameters never leave their bounds. Deterministic and derivative-free.
 */
final class Optimiser {

    /** Smoothing parameters are kept inside (0,1): this is the closed box used for them. */
    static final double LOW = 0.01;

    static final double HIGH = 0.99;

    private Optimiser() {}

    static double[] minimise(ToDoubleFunction<double[]> f, double[] lower, double[] upper, int points, int rounds) {
        int d = lower.length;
        double[] lo = lower.clone();
        double[] hi = upper.clone();
        double[] best = new double[d];
        for (int i = 0; i < d; i++) {
            best[i] = (lo[i] + hi[i]) / 2;
        }
        double bestValue = valueOf(f, best);
        for (int r = 0; r < rounds; r++) {
            int total = (int) Math.pow(points, d);
            double[] x = new double[d];
            for (int k = 0; k < total; k++) {
                int rest = k;
                for (int i = 0; i < d; i++) {
                    int j = rest % points;
                    rest /= points;
                    double v = points == 1 ? (lo[i] + hi[i]) / 2 : lo[i] + (hi[i] - lo[i]) * j / (points - 1);
                    x[i] = Math.min(upper[i], Math.max(lower[i], v)); // rounding must not step over a bound
                }
                double v = valueOf(f, x);
                if (v < bestValue) {
                    bestValue = v;
                    best = x.clone();
                }
            }
            for (int i = 0; i < d; i++) {
                double step = (hi[i] - lo[i]) / Math.max(1, points - 1);
                lo[i] = Math.max(lower[i], best[i] - 2 * step);
                hi[i] = Math.min(upper[i], best[i] + 2 * step);
            }
        }
        return best;
    }

    /**
     * A cheaper search for 3–4 parameters, where a full grid costs points^d evaluations per round: a coarse grid of
     * {@code points} values per dimension, then a compass (Hooke–Jeeves pattern) search from its best point. The
     * compass tries x ± step along each coordinate in turn (clipped to the box) and keeps any improvement; after a
     * sweep without one, every step is halved; it stops when the steps are below {@code tolerance} times the width
     * of the box or after {@code maxEvaluations}. Deterministic, and every evaluated point lies inside the box.
     * With 3 points and tolerance 0.002 a 4-parameter fit takes about 200 evaluations instead of 2,500.
     */
    static double[] gridThenCompass(
            ToDoubleFunction<double[]> f,
            double[] lower,
            double[] upper,
            int points,
            double tolerance,
            int maxEvaluations) {
        int d = lower.length;
        double[] best = minimise(f, lower, upper, points, 1);
        double bestValue = valueOf(f, best);
        int evaluations = (int) Math.pow(points, d) + 2;
        double[] step = new double[d];
        for (int i = 0; i < d; i++) {
            step[i] = (upper[i] - lower[i]) / (2.0 * Math.max(1, points - 1));
        }
        double[] x = best.clone();
        while (evaluations < maxEvaluations) {
            boolean improved = false;
            for (int i = 0; i < d && evaluations < maxEvaluations; i++) {
                for (int sign = 1; sign >= -1; sign -= 2) {
                    double old = x[i];
                    x[i] = Math.min(upper[i], Math.max(lower[i], old + sign * step[i]));
                    if (x[i] == old) {
                        continue;
                    }
                    double v = valueOf(f, x);
                    evaluations++;
                    if (v < bestValue) {
                        bestValue = v;
                        best = x.clone();
                        improved = true;
                        break;
                    }
                    x[i] = old;
                }
            }
            if (!improved) {
                boolean small = true;
                for (int i = 0; i < d; i++) {
                    step[i] /= 2;
                    small &= step[i] < tolerance * (upper[i] - lower[i]);
                }
                if (small) {
                    break;
                }
            }
        }
        return best;
    }

    /** A diverging fit (NaN or infinite SSE, e.g. a multiplicative level reaching zero) ranks last. */
    private static double valueOf(ToDoubleFunction<double[]> f, double[] x) {
        double v = f.applyAsDouble(x);
        return Double.isFinite(v) ? v : Double.MAX_VALUE;
    }

    static double[] smoothing(ToDoubleFunction<double[]> f, int dimensions) {
        double[] lo = new double[dimensions];
        double[] hi = new double[dimensions];
        java.util.Arrays.fill(lo, LOW);
        java.util.Arrays.fill(hi, HIGH);
        int points = dimensions == 1 ? 21 : dimensions == 2 ? 11 : 7;
        return minimise(f, lo, hi, points, dimensions == 1 ? 4 : 3);
    }
}
