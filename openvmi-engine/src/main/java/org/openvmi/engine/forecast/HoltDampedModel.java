package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * Holt's linear trend with damping (Gardner–McKenzie). Initialisation: l0 = y[0], b0 = y[1] - y[0]. For
 * t = 1..n-1 the one-step forecast is l + phi*b, then l_t = alpha*y_t + (1-alpha)*(l + phi*b),
 * b_t = beta*(l_t - l_{t-1}) + (1-beta)*phi*b. SSE over t = 1..n-1. Forecast at step k:
 * l + (phi + phi^2 + … + phi^k)*b. alpha, beta fitted in [0.01, 0.99]; phi in [0.80, 0.98].
 */
public final class HoltDampedModel implements ForecastModel {

    static final double PHI_LOW = 0.80;
    static final double PHI_HIGH = 0.98;

    private final double[] fixed;

    public HoltDampedModel() {
        this.fixed = null;
    }

    private HoltDampedModel(double[] fixed) {
        this.fixed = fixed;
    }

    public static HoltDampedModel withParameters(double alpha, double beta, double phi) {
        return new HoltDampedModel(new double[] {alpha, beta, phi});
    }

    @Override
    public String name() {
        return "HoltDamped";
    }

    @Override
    public boolean canFit(double[] y) {
        return y.length >= 3;
    }

    @Override
    public FittedModel fit(double[] y) {
        if (!canFit(y)) {
            throw new IllegalArgumentException("need at least 3 periods, got " + y.length);
        }
        double[] p = fixed != null
                ? fixed
                : Optimiser.minimise(
                        q -> run(y, q)[2],
                        new double[] {Optimiser.LOW, Optimiser.LOW, PHI_LOW},
                        new double[] {Optimiser.HIGH, Optimiser.HIGH, PHI_HIGH},
                        7,
                        3);
        double[] r = run(y, p);
        double level = r[0];
        double trend = r[1];
        double phi = p[2];
        return new Fitted(
                k -> {
                    double damp = 0;
                    double pow = 1;
                    for (int i = 1; i <= k; i++) {
                        pow *= phi;
                        damp += pow;
                    }
                    return level + damp * trend;
                },
                Map.of("alpha", p[0], "beta", p[1], "phi", phi),
                r[2]);
    }

    /** Returns {final level, final trend, SSE}. */
    static double[] run(double[] y, double[] p) {
        double alpha = p[0];
        double beta = p[1];
        double phi = p[2];
        double level = y[0];
        double trend = y[1] - y[0];
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            double f = level + phi * trend;
            sse += (y[t] - f) * (y[t] - f);
            double newLevel = alpha * y[t] + (1 - alpha) * f;
            trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
            level = newLevel;
        }
        return new double[] {level, trend, sse};
    }
}
