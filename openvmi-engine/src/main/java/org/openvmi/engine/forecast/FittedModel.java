package org.openvmi.engine.forecast;

import java.util.Map;

/** A model fitted to one history: its parameters and its point forecasts. */
public interface FittedModel {

    /** Point forecasts for the next {@code h} periods after the history. */
    double[] forecast(int h);

    /** Fitted parameters by name (alpha, beta, phi, gamma, window …), for reports and tests. */
    Map<String, Double> parameters();

    /** In-sample one-step-ahead sum of squared errors that the fit minimised (NaN when nothing was fitted). */
    double sse();
}
