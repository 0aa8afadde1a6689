package org.openvmi.engine.forecast;

/**
 * What the automatic choice forecasts for a sporadic (intermittent or lumpy) item. The two goals disagree: the mean
 * demand per period is what reorder points and order-up-to levels are built on, while the lowest RMSSE comes from
 * forecasting zero or well below the mean for parts that may see no demand within the horizon (ADR 0013).
 */
public enum SporadicForecast {

    /**
     * The demand rate: SBA, Croston, TSB, SES or zero, whichever backtests best (the choice of ADR 0006). The default,
     * because stock policies read the forecast as mean demand.
     */
    DEMAND_RATE,

    /** The zero forecast or {@link MinimumRmseModel}, whichever backtests best: for point-accuracy reports. */
    MINIMUM_RMSE
}
