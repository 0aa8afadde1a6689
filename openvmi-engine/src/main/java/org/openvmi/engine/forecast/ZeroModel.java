package org.openvmi.engine.forecast;

import java.util.Map;

/** Forecasts zero demand: the benchmark every intermittent-demand method has to beat, and the no-demand answer. */
public final class ZeroModel implements ForecastModel {

    @Override
    public String name() {
        return "Zero";
    }

    @Override
    public boolean canFit(double[] y) {
        return true;
    }

    @Override
    public FittedModel fit(double[] y) {
        double sse = 0;
        for (double v : y) {
            sse += v * v;
        }
        return Fitted.flat(0, Map.of(), sse);
    }
}
