package org.openvmi.engine.forecast;

import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** The common fitted model: a forecast path given by a function of the step (1-based), parameters and SSE. */
record Fitted(IntToDoubleFunction path, Map<String, Double> parameters, double sse) implements FittedModel {

    @Override
    public double[] forecast(int h) {
        if (h < 0) {
            throw new IllegalArgumentException("horizon must not be negative: " + h);
        }
        double[] f = new double[h];
        for (int i = 0; i < h; i++) {
            f[i] = path.applyAsDouble(i + 1);
        }
        return f;
    }

    static Fitted flat(double value, Map<String, Double> parameters, double sse) {
        return new Fitted(step -> value, parameters, sse);
    }
}
