package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * The Theta method as it won the M3 competition (Assimakopoulos–Nikolopoulos 2000; Hyndman–Billah 2003 showed it
 * is SES with drift): simple exponential smoothing plus half the slope of the least-squares line through the
 * history. With b the slope of y on t = 0..n-1 and SES's alpha and final level l_n, the forecast at step k is
 * l_n + (b/2) * (k - 1 + (1 - (1-alpha)^n) / alpha), as in R's {@code forecast::thetaf}.
 * <p>
 * SES here also fits its initial level: for a given alpha the one-step forecasts are linear in l0
 * (forecast_t = (1-alpha)^t * l0 + g_t, g_t the forecast started from 0), so the l0 minimising the SSE over
 * t = 0..n-1 is sum(d_t * (y_t - g_t)) / sum(d_t²) with d_t = (1-alpha)^t; alpha in [0.01, 0.99] minimises the SSE
 * so obtained. Estimating l0 matters for Theta because the drift keeps the level honest only if the start is.
 * <p>
 * {@code new ThetaModel(m)} first removes a significant season of length m ({@link SeasonalAdjustment}), as the
 * M3 Theta did; {@code new ThetaModel(1)} is the plain method.
 */
public final class ThetaModel implements ForecastModel {

    private final int m;
    private final Double fixedAlpha;

    public ThetaModel(int seasonLength) {
        this(seasonLength, null);
    }

    private ThetaModel(int seasonLength, Double fixedAlpha) {
        this.m = seasonLength;
        this.fixedAlpha = fixedAlpha;
    }

    /** Theta with alpha given rather than fitted (the initial level is still the SSE-optimal one). */
    public ThetaModel withAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0,1): " + alpha);
        }
        return new ThetaModel(m, alpha);
    }

    @Override
    public String name() {
        return "Theta";
    }

    @Override
    public boolean canFit(double[] y) {
        return y.length >= 2;
    }

    @Override
    public FittedModel fit(double[] y) {
        if (!canFit(y)) {
            throw new IllegalArgumentException("need at least 2 periods, got " + y.length);
        }
        if (m > 1) {
            return new DeseasonalisedModel(new ThetaModel(1, fixedAlpha), m).fit(y);
        }
        double alpha = fixedAlpha != null ? fixedAlpha : Optimiser.smoothing(p -> run(y, p[0])[1], 1)[0];
        double[] r = run(y, alpha);
        double level = r[0];
        double halfSlope = slope(y) / 2;
        double start = (1 - Math.pow(1 - alpha, y.length)) / alpha;
        return new Fitted(
                k -> level + halfSlope * (k - 1 + start), Map.of("alpha", alpha, "l0", r[2], "drift", halfSlope), r[1]);
    }

    /**
     * SES with the SSE-optimal initial level for this alpha: returns {final level, SSE, l0}. The sums run on
     * y - y[0], so a constant history gives its value back exactly (no rounding in l0) and large levels do not
     * swamp the small differences the sums are made of.
     */
    static double[] run(double[] y, double alpha) {
        double shift = y[0];
        double g = 0; // forecast of y_t - shift had l0 - shift been 0
        double d = 1; // (1-alpha)^t, the weight of l0 in the forecast of y_t
        double sdd = 0;
        double sdr = 0;
        double srr = 0;
        for (double v : y) {
            double r = v - shift - g;
            sdd += d * d;
            sdr += d * r;
            srr += r * r;
            g += alpha * r;
            d *= 1 - alpha;
        }
        double l0 = sdr / sdd;
        double sse = Math.max(0, srr - sdr * sdr / sdd);
        return new double[] {shift + g + d * l0, sse, shift + l0};
    }

    /** Least-squares slope of y on t = 0..n-1. */
    static double slope(double[] y) {
        int n = y.length;
        double meanT = (n - 1) / 2.0;
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double meanY = sum / n;
        double sty = 0;
        double stt = 0;
        for (int t = 0; t < n; t++) {
            sty += (t - meanT) * (y[t] - meanY);
            stt += (t - meanT) * (t - meanT);
        }
        return sty / stt;
    }
}
