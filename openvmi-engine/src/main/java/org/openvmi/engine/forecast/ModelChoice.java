package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * The outcome of the automatic choice for one series: its demand profile, the chosen model, the measure that
 * ranked the candidates ("RMSSE" or "MASE", or "none" when the history was too short to backtest), the chosen
 * model's backtest score, every candidate's score (in candidate order) and the forecast of the chosen model
 * refitted on the whole history.
 * <p>
 * For sporadic demand (intermittent, lumpy) chosen with {@link SporadicForecast#MINIMUM_RMSE} the forecast is the
 * one with the lowest expected RMSSE, zero or well below the mean demand for most spare parts: right for point
 * accuracy, wrong as the demand rate of a stock policy, which should use the default
 * {@link SporadicForecast#DEMAND_RATE}.
 */
public record ModelChoice(
        DemandProfile profile,
        ForecastModel model,
        String measure,
        double score,
        Map<String, Double> candidateScores,
        double[] forecast) {}
