package org.openvmi.engine.forecast;

import java.util.Map;

/** Seasonal naive with season m: the forecast for a future period repeats the value of the last same season. */
public final class SeasonalNaiveModel implements ForecastModel {

    private final int m;

    public SeasonalNaiveModel(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("season length must be at least 1: " + m);
        }
        this.m = m;
    }

    @Override
    public String name() {
        return "SeasonalNaive(" + m + ")";
    }

    @Override
    public boolean canFit(double[] y) {
        return y.length >= m;
    }

    @Override
    public FittedModel fit(double[] y) {
        if (!canFit(y)) {
            throw new IllegalArgumentException("need at least one season of " + m + " periods, got " + y.length);
        }
        int n = y.length;
        double sse = 0;
        for (int t = m; t < n; t++) {
            sse += (y[t] - y[t - m]) * (y[t] - y[t - m]);
        }
        double[] last = java.util.Arrays.copyOfRange(y, n - m, n);
        // step k (1-based) lands on period n-1+k, whose last same-season observation is n-1+k - m*ceil(k/m)
        return new Fitted(k -> last[(k - 1) % m], Map.of(), sse);
    }
}
