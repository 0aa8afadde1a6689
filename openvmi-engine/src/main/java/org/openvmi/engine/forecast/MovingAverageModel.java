package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * Moving average: the forecast is the mean of the last k observations, flat over the horizon. The window k is
 * fitted among 1..maxWindow (bounded by n-1) by the in-sample one-step SSE, counted over the same periods for
 * every k (from period maxK on) so windows are compared fairly.
 */
public final class MovingAverageModel implements ForecastModel {

    private final int maxWindow;

    public MovingAverageModel(int maxWindow) {
        if (maxWindow < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + maxWindow);
        }
        this.maxWindow = maxWindow;
    }

    @Override
    public String name() {
        return "MovingAverage";
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
        int n = y.length;
        int maxK = Math.min(maxWindow, n - 1);
        int bestK = 1;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= maxK; k++) {
            double sse = 0;
            for (int t = maxK; t < n; t++) {
                double e = y[t] - mean(y, t - k, t);
                sse += e * e;
            }
            if (sse < bestSse) {
                bestSse = sse;
                bestK = k;
            }
        }
        return Fitted.flat(mean(y, n - bestK, n), Map.of("window", (double) bestK), bestSse);
    }

    static double mean(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return s / (to - from);
    }
}
