package org.openvmi.engine.forecast;

import java.util.Map;

/** Naive: every future period equals the last observation. No parameters; SSE of the one-step naive in-sample. */
public final class NaiveModel implements ForecastModel {

    @Override
    public String name() {
        return "Naive";
    }

    @Override
    public FittedModel fit(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("empty history");
        }
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            sse += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
        }
        return Fitted.flat(y[y.length - 1], Map.of(), sse);
    }
}
