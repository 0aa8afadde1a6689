package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * Croston's method and its Syntetos–Boylan approximation (SBA). Demand sizes z and inter-demand intervals p are
 * smoothed separately with one alpha, and only in periods with demand. Initialisation: z = the first non-zero
 * demand, p = its 1-based position (the interval counted from the start of the history). In each later period the
 * one-step forecast is c*z/p (c = 1 for Croston, 1 - alpha/2 for SBA); on a demand y_t after q periods,
 * z = alpha*y_t + (1-alpha)*z and p = alpha*q + (1-alpha)*p. SSE over the periods after the first demand.
 * Forecast: flat c*z/p. alpha fitted in [0.01, 0.99]. A history with no demand forecasts zero.
 */
public final class CrostonModel implements ForecastModel {

    private final boolean sba;
    private final Double fixedAlpha;

    private CrostonModel(boolean sba, Double fixedAlpha) {
        this.sba = sba;
        this.fixedAlpha = fixedAlpha;
    }

    public static CrostonModel croston() {
        return new CrostonModel(false, null);
    }

    public static CrostonModel sba() {
        return new CrostonModel(true, null);
    }

    public CrostonModel withAlpha(double alpha) {
        return new CrostonModel(sba, alpha);
    }

    @Override
    public String name() {
        return sba ? "SBA" : "Croston";
    }

    @Override
    public FittedModel fit(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("empty history");
        }
        double alpha = fixedAlpha != null ? fixedAlpha : Optimiser.smoothing(q -> run(y, q[0])[1], 1)[0];
        double[] r = run(y, alpha);
        return Fitted.flat(r[0], Map.of("alpha", alpha), r[1]);
    }

    /** Returns {final forecast, SSE}. */
    private double[] run(double[] y, double alpha) {
        double c = sba ? 1 - alpha / 2 : 1;
        int first = 0;
        while (first < y.length && y[first] == 0) {
            first++;
        }
        if (first == y.length) {
            return new double[] {0, 0};
        }
        double z = y[first];
        double p = first + 1;
        int q = 1;
        double sse = 0;
        for (int t = first + 1; t < y.length; t++) {
            double f = c * z / p;
            sse += (y[t] - f) * (y[t] - f);
            if (y[t] != 0) {
                z = alpha * y[t] + (1 - alpha) * z;
                p = alpha * q + (1 - alpha) * p;
                q = 1;
            } else {
                q++;
            }
        }
        return new double[] {c * z / p, sse};
    }
}
