package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * Simple exponential smoothing. Initialisation: level l0 = y[0]. For t = 1..n-1 the one-step forecast is the
 * previous level and l_t = alpha*y_t + (1-alpha)*l_{t-1}; SSE over t = 1..n-1. Forecast: flat at the last level.
 * alpha is fitted in [0.01, 0.99] unless fixed.
 */
public final class SesModel implements ForecastModel {

    private final Double fixedAlpha;

    public SesModel() {
        this.fixedAlpha = null;
    }

    private SesModel(double alpha) {
        this.fixedAlpha = alpha;
    }

    /** SES with alpha given rather than fitted. */
    public static SesModel withAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0,1): " + alpha);
        }
        return new SesModel(alpha);
    }

    @Override
    public String name() {
        return "SES";
    }

    @Override
    public FittedModel fit(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("empty history");
        }
        double alpha = fixedAlpha != null ? fixedAlpha : Optimiser.smoothing(p -> run(y, p[0])[1], 1)[0];
        double[] r = run(y, alpha);
        return Fitted.flat(r[0], Map.of("alpha", alpha), r[1]);
    }

    /** Returns {final level, SSE}. */
    static double[] run(double[] y, double alpha) {
        double level = y[0];
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            double e = y[t] - level;
            sse += e * e;
            level += alpha * e;
        }
        return new double[] {level, sse};
    }
}
