package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * The outcome of the automatic choice for one series: its demand profile, the chosen model, the measure that
 * ranked the candidates ("RMSSE" or "MASE", or "none" when the history was too short to backtest), the chosen
 * model's backtest score, every candidate's score (in candidate order) and the forecast of the chosen model
 * refitted on the whole history.
 */
public record ModelChoice(DemandProfile profile, ForecastModel model, String measure, double score,
                          Map<String, Double> candidateScores, double[] forecast) {
}
