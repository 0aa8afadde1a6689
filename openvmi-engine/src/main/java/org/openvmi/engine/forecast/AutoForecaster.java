package org.openvmi.engine.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a forecasting model per series by a rolling-origin backtest, then forecasts with it.
 * <p>
 * The series is classified ({@link DemandClassifier}); the candidates for its class ({@link CandidateModels}) are
 * fitted at up to {@code origins} forecast origins n-h, n-h-step, n-h-2*step … (step = max(1, h / (2*origins)),
 * keeping at least {@code minimumTraining} periods before each origin) and forecast the next h periods (fewer if
 * the history is short). A candidate's score is its mean over origins of the RMSE scaled as RMSSE by the whole
 * history's mean squared one-step naive error; for SMOOTH series the mean MAE scaled as MASE by the seasonal naive
 * of lag m. The lowest score wins (earlier candidate on ties); it is refitted on the whole history.
 * A constant history (scale zero) is ranked by the unscaled error.
 */
public final class AutoForecaster {

    private final int seasonLength;
    private final int origins;
    private final int minimumTraining;
    private final DemandClassifier classifier;
    private final CandidateModels candidates;

    /** The automatic choice with a demand-rate forecast for sporadic items ({@link SporadicForecast#DEMAND_RATE}). */
    public AutoForecaster(int seasonLength, int origins) {
        this(seasonLength, origins, SporadicForecast.DEMAND_RATE);
    }

    /** The automatic choice with the given goal for sporadic items; regular items are treated alike either way. */
    public AutoForecaster(int seasonLength, int origins, SporadicForecast sporadic) {
        if (origins < 1) {
            throw new IllegalArgumentException("need at least one origin: " + origins);
        }
        this.seasonLength = seasonLength;
        this.origins = origins;
        this.minimumTraining = 6;
        this.classifier = new DemandClassifier(minimumTraining);
        this.candidates = new CandidateModels(seasonLength, sporadic);
    }

    public ModelChoice choose(double[] history, int h) {
        DemandProfile profile = classifier.classify(history);
        int n = history.length;
        int testLength = Math.min(h, n - minimumTraining);
        if (testLength < 1 || profile.demandClass() == DemandClass.TOO_SHORT) {
            return refit(profile, candidates.fallback(profile.demandClass()), "none", Double.NaN, Map.of(), history, h);
        }
        int step = Math.max(1, h / (2 * origins));
        int[] cuts = new int[origins];
        int count = 0;
        for (int k = 0; k < origins && n - testLength - k * step >= minimumTraining; k++) {
            cuts[count++] = n - testLength - k * step;
        }
        cuts = Arrays.copyOf(cuts, count);
        boolean mase = profile.demandClass() == DemandClass.SMOOTH;
        double scale = mase ? maseScale(history) : rmsseScale(history);
        List<ForecastModel> models =
                candidates.forClass(profile.demandClass(), Arrays.copyOf(history, cuts[count - 1]));
        if (models.isEmpty()) {
            return refit(profile, candidates.fallback(profile.demandClass()), "none", Double.NaN, Map.of(), history, h);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        ForecastModel best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (ForecastModel model : models) {
            double total = 0;
            for (int cut : cuts) {
                double[] train = Arrays.copyOf(history, cut);
                double[] actual = Arrays.copyOfRange(history, cut, cut + testLength);
                double[] forecast = model.fit(train).forecast(testLength);
                total += mase ? Accuracy.mae(actual, forecast) : Accuracy.rmse(actual, forecast);
            }
            double score = total / cuts.length / (scale > 0 ? scale : 1);
            scores.put(model.name(), score);
            if (score < bestScore) {
                bestScore = score;
                best = model;
            }
        }
        if (best == null) {
            return refit(profile, candidates.fallback(profile.demandClass()), "none", Double.NaN, scores, history, h);
        }
        return refit(profile, best, mase ? "MASE" : "RMSSE", bestScore, scores, history, h);
    }

    private static ModelChoice refit(
            DemandProfile profile,
            ForecastModel model,
            String measure,
            double score,
            Map<String, Double> scores,
            double[] history,
            int h) {
        double[] forecast =
                history.length == 0 ? new double[h] : model.fit(history).forecast(h);
        return new ModelChoice(
                profile,
                model,
                measure,
                score,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores)),
                forecast);
    }

    private static double rmsseScale(double[] y) {
        double s = 0;
        for (int t = 1; t < y.length; t++) {
            s += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
        }
        return Math.sqrt(s / (y.length - 1));
    }

    private double maseScale(double[] y) {
        int lag = y.length > seasonLength ? seasonLength : 1;
        double s = 0;
        for (int t = lag; t < y.length; t++) {
            s += Math.abs(y[t] - y[t - lag]);
        }
        return s / (y.length - lag);
    }
}
