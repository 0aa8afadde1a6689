package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * Teunter–Syntetos–Babai: smooths the demand probability every period and the demand size on demand periods.
 * Initialisation: prob = share of periods with demand in the whole history, z = mean non-zero demand (0 when
 * none). For t = 0..n-1 the one-step forecast is prob*z, then prob = beta*[y_t > 0] + (1-beta)*prob and, if
 * y_t > 0, z = alpha*y_t + (1-alpha)*z. SSE over t = 0..n-1. Forecast: flat prob*z.
 * alpha and beta fitted in [0.01, 0.99] by {@link Optimiser#gridThenCompass} from a 5 × 5 grid (about 60 SSE
 * evaluations; the 11 × 11 grid in 3 rounds took 363 and made TSB most of the cost of a sporadic series).
 */
public final class TsbModel implements ForecastModel {

    private final double[] fixed;

    public TsbModel() {
        this.fixed = null;
    }

    private TsbModel(double[] fixed) {
        this.fixed = fixed;
    }

    public static TsbModel withParameters(double alpha, double beta) {
        return new TsbModel(new double[] {alpha, beta});
    }

    @Override
    public String name() {
        return "TSB";
    }

    @Override
    public FittedModel fit(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("empty history");
        }
        double[] p = fixed != null
                ? fixed
                : Optimiser.gridThenCompass(
                        q -> run(y, q)[1],
                        new double[] {Optimiser.LOW, Optimiser.LOW},
                        new double[] {Optimiser.HIGH, Optimiser.HIGH},
                        5,
                        0.002,
                        120);
        double[] r = run(y, p);
        return Fitted.flat(r[0], Map.of("alpha", p[0], "beta", p[1]), r[1]);
    }

    /** Returns {final forecast, SSE}. */
    static double[] run(double[] y, double[] params) {
        double alpha = params[0];
        double beta = params[1];
        int demands = 0;
        double total = 0;
        for (double v : y) {
            if (v > 0) {
                demands++;
                total += v;
            }
        }
        double prob = (double) demands / y.length;
        double z = demands == 0 ? 0 : total / demands;
        double sse = 0;
        for (double v : y) {
            double f = prob * z;
            sse += (v - f) * (v - f);
            prob = beta * (v > 0 ? 1 : 0) + (1 - beta) * prob;
            if (v > 0) {
                z = alpha * v + (1 - alpha) * z;
            }
        }
        return new double[] {prob * z, sse};
    }
}
