package org.openvmi.engine.forecast;

/**
 * A forecasting method: fitted on a history (oldest first), it gives a fitted model that forecasts h steps ahead.
 * Implementations are immutable; fitting never changes the model object, so one instance can serve many series.
 */
public interface ForecastModel {

    /** Short name used in reports and by the automatic choice, e.g. {@code "SES"} or {@code "HW-additive(12)"}. */
    String name();

    /** Fits the model's parameters to {@code history}; throws {@link IllegalArgumentException} if it cannot. */
    FittedModel fit(double[] history);

    /** Whether {@link #fit} can be called on this history (length, positivity …). */
    default boolean canFit(double[] history) {
        return history.length >= 1;
    }
}
