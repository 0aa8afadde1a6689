package org.openvmi.engine.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A non-seasonal model applied to the seasonally adjusted series (see {@link SeasonalAdjustment}), its forecasts
 * multiplied back by the seasonal indices. When the season is not significant (or the series is too short or not
 * strictly positive) the inner model sees the series unchanged: a season is imposed only where the data show one.
 * This is how the M3 Theta method treats seasonality, and it lets SES and damped Holt follow a season with no extra
 * smoothing parameter.
 * The name is the inner name with a {@code "-SA"} suffix; fitted parameters are the inner ones plus
 * {@code "seasonal"} = 1 or 0. The SSE is the inner model's on the adjusted series.
 */
public final class DeseasonalisedModel implements ForecastModel {

    private final ForecastModel inner;
    private final int m;

    public DeseasonalisedModel(ForecastModel inner, int m) {
        this.inner = inner;
        this.m = m;
    }

    @Override
    public String name() {
        return inner.name() + "-SA";
    }

    @Override
    public boolean canFit(double[] y) {
        return inner.canFit(y);
    }

    @Override
    public FittedModel fit(double[] y) {
        double[] index = SeasonalAdjustment.indices(y, m);
        if (index == null) {
            FittedModel f = inner.fit(y);
            return new Reseasonalised(f, null, 0, y.length, with(f.parameters(), 0));
        }
        double[] adjusted = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            adjusted[t] = y[t] / index[t % m];
        }
        FittedModel f = inner.fit(adjusted);
        return new Reseasonalised(f, index, m, y.length, with(f.parameters(), 1));
    }

    /** The inner forecast, step k (landing on period n-1+k) multiplied by the index of its season position. */
    private record Reseasonalised(FittedModel inner, double[] index, int m, int n, Map<String, Double> parameters)
            implements FittedModel {

        @Override
        public double[] forecast(int h) {
            double[] f = inner.forecast(h);
            if (index != null) {
                for (int k = 1; k <= h; k++) {
                    f[k - 1] *= index[(n - 1 + k) % m];
                }
            }
            return f;
        }

        @Override
        public double sse() {
            return inner.sse();
        }
    }

    private static Map<String, Double> with(Map<String, Double> parameters, double seasonal) {
        Map<String, Double> p = new LinkedHashMap<>(parameters);
        p.put("seasonal", seasonal);
        return p;
    }
}
