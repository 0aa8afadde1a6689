package org.openvmi.engine.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Which models compete for a series of a given demand class. Earlier candidates win ties.
 * <ul>
 *   <li>Regular demand (smooth, erratic): Theta (on the seasonally adjusted series when the season is significant)
 *       and, when the history holds more than two seasons, the equal-weight combination of Theta and damped
 *       additive Holt-Winters. Full M3 monthly, horizon 18, mean MASE: Theta alone 0.864, the combination alone
 *       0.863, the backtest choice between the two 0.857. The earlier set (SES, damped Holt, damped additive and
 *       multiplicative Holt-Winters) chose 0.913; adding SES and damped Holt on adjusted data, or the Holt-Winters
 *       forms on their own, to Theta made the choice worse (0.871–0.890): a backtest on a few origins picks a
 *       wrong single model too often, a combination does not need picking.</li>
 *   <li>Sporadic demand (intermittent, lumpy), by {@link SporadicForecast}: for a demand rate (the default) SBA,
 *       Croston, TSB, SES and zero as in ADR 0006; for the lowest RMSSE the zero forecast and
 *       {@link MinimumRmseModel}. RMSSE's best point forecast for a part that may see no demand within the horizon
 *       is zero or a small value, not the mean: on the oil spare parts SBA, Croston, TSB and SES each lose to the
 *       zero forecast, and so did a backtest choice among them (see ADR 0013).</li>
 * </ul>
 * Naive and seasonal naive stay benchmarks, not candidates.
 */
final class CandidateModels {

    private final int m;
    private final SporadicForecast sporadic;

    CandidateModels(int seasonLength, SporadicForecast sporadic) {
        this.m = seasonLength;
        this.sporadic = sporadic;
    }

    List<ForecastModel> forClass(DemandClass demandClass, double[] shortestTraining) {
        List<ForecastModel> list = new ArrayList<>();
        switch (demandClass) {
            case INTERMITTENT, LUMPY -> {
                if (sporadic == SporadicForecast.MINIMUM_RMSE) {
                    list.add(new ZeroModel());
                    list.add(new MinimumRmseModel());
                } else {
                    list.add(CrostonModel.sba());
                    list.add(CrostonModel.croston());
                    list.add(new TsbModel());
                    list.add(new SesModel());
                    list.add(new ZeroModel());
                }
            }
            case SMOOTH, ERRATIC -> {
                ThetaModel theta = new ThetaModel(m);
                list.add(theta);
                if (m > 1) {
                    list.add(new CombinationModel(
                            "Theta+HW-damped(" + m + ")",
                            List.of(theta, HoltWintersModel.additive(m).damped())));
                }
            }
            case NO_DEMAND -> list.add(new ZeroModel());
            case TOO_SHORT -> list.add(new SesModel());
        }
        list.removeIf(model -> !model.canFit(shortestTraining));
        return list;
    }

    /** The model used without a backtest when the history is too short to hold one. */
    ForecastModel fallback(DemandClass demandClass) {
        return switch (demandClass) {
            case INTERMITTENT, LUMPY ->
                sporadic == SporadicForecast.MINIMUM_RMSE ? new MinimumRmseModel() : CrostonModel.sba();
            case NO_DEMAND -> new ZeroModel();
            default -> new SesModel();
        };
    }
}
