package org.openvmi.engine.forecast;

import java.util.Map;

/**
 * The outcome of the automatic choice for one series: its demand profile, the chosen model, the measure that
 * ranked the candidates ("RMSSE" or "MASE", or "none" when the history was too short to backtest), the chosen
 * model's backtest score, every candidate's score (in candidate order) and the forecast of the chosen model
 * refitted on the whole history.
 * <p>
 * For sporadic demand (intermittent, lumpy) the forecast is the one with the lowest expected RMSSE, which is zero or
 * well below the mean demand for most spare parts ({@link MinimumRmseModel}): right for point accuracy, wrong as
 * the demand rate of a stock policy. Reorder points and order-up-to levels of such items should come from
 * {@link LeadTimeDemandBootstrap} (or a mean-rate model such as {@link CrostonModel#sba()}), not from this forecast.
 */
public record ModelChoice(DemandProfile profile, ForecastModel model, String measure, double score,
                          Map<String, Double> candidateScores, double[] forecast) {
}
