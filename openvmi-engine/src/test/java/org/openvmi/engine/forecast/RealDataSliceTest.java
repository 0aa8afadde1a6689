package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The automatic choice on real data (slices described in src/test/resources/forecast/README.md), fixed origin:
 * oil spare parts 38 months to fit and 17 to test (the split of the published reference), M3 monthly the
 * competition's last 18 periods. Mean holdout RMSSE of the automatic choice is compared with every single
 * candidate applied to all series of the slice (the best of them is chosen in hindsight, on the test data).
 * The first oil slice was picked for demand in the test months, which favours forecasts near the mean (SBA, SES);
 * the second is an unselected sample, on which the point-accuracy choice ({@link SporadicForecast#MINIMUM_RMSE})
 * must not lose to the zero forecast.
 */
class RealDataSliceTest {

    record Result(double auto, Map<String, Double> single, int series, double autoMase) {
        String bestName() {
            return single.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
        }

        double best() {
            return single.get(bestName());
        }
    }

    private static Result evaluate(Map<String, double[]> slice, int holdout, List<ForecastModel> singles) {
        return evaluate(slice, holdout, singles, new AutoForecaster(12, 4));
    }

    private static Result evaluate(
            Map<String, double[]> slice, int holdout, List<ForecastModel> singles, AutoForecaster auto) {
        double autoSum = 0;
        double autoMaseSum = 0;
        int maseCount = 0;
        Map<String, Double> sums = new LinkedHashMap<>();
        int count = 0;
        for (double[] y : slice.values()) {
            double[] train = Arrays.copyOf(y, y.length - holdout);
            double[] test = Arrays.copyOfRange(y, y.length - holdout, y.length);
            if (Double.isNaN(Accuracy.rmsse(train, test, test))) {
                continue; // constant training history: RMSSE undefined, left out of every mean
            }
            count++;
            double[] f = auto.choose(train, holdout).forecast();
            autoSum += Accuracy.rmsse(train, test, f);
            double mase = Accuracy.mase(train, test, f, 12);
            if (!Double.isNaN(mase)) {
                autoMaseSum += mase;
                maseCount++;
            }
            for (ForecastModel model : singles) {
                sums.merge(
                        model.name(),
                        Accuracy.rmsse(train, test, model.fit(train).forecast(holdout)),
                        Double::sum);
            }
        }
        int n = count;
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((k, v) -> means.put(k, v / n));
        Result r = new Result(autoSum / n, means, n, autoMaseSum / maseCount);
        System.out.printf(
                Locale.ROOT,
                "%d series: auto RMSSE %.4f (MASE %.4f); singles %s%n",
                n,
                r.auto(),
                r.autoMase(),
                means.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                        .toList());
        return r;
    }

    @Test
    void on_thirty_oil_spare_parts_the_automatic_choice_is_close_to_the_best_single_model_and_beats_zero() {
        Map<String, double[]> slice = SeriesSlice.read("/forecast/oil_spares_slice.csv");
        assertThat(slice).hasSize(30);
        Result r = evaluate(
                slice,
                17,
                List.of(
                        CrostonModel.croston(),
                        CrostonModel.sba(),
                        new TsbModel(),
                        new SesModel(),
                        new MovingAverageModel(12),
                        new NaiveModel(),
                        new ZeroModel(),
                        new MinimumRmseModel()));
        assertThat(r.series()).isGreaterThanOrEqualTo(25);
        assertThat(r.auto()).as("auto vs best single (%s)", r.bestName()).isLessThanOrEqualTo(r.best() * 1.10);
        assertThat(r.auto()).as("auto vs zero forecast").isLessThan(r.single().get("Zero"));
    }

    @Test
    void on_thirty_m3_monthly_series_the_automatic_choice_is_close_to_the_best_single_model() {
        Map<String, double[]> slice = SeriesSlice.read("/forecast/m3_monthly_slice.csv");
        assertThat(slice).hasSize(30);
        Result r = evaluate(
                slice,
                18,
                List.of(
                        new SesModel(),
                        new HoltDampedModel(),
                        HoltWintersModel.additive(12),
                        HoltWintersModel.multiplicative(12),
                        HoltWintersModel.additive(12).damped(),
                        HoltWintersModel.multiplicative(12).damped(),
                        new SeasonalNaiveModel(12),
                        new NaiveModel(),
                        new ThetaModel(12)));
        assertThat(r.series()).isEqualTo(30);
        assertThat(r.auto()).as("auto vs best single (%s)", r.bestName()).isLessThanOrEqualTo(r.best() * 1.10);
    }

    @Test
    void on_every_fiftieth_oil_spare_part_the_point_accuracy_choice_does_not_lose_to_zero_or_any_mean_model() {
        // an unselected sample (items 1, 51, 101, … in file order): most parts see no demand in the 17 test months,
        // which is where mean forecasts (SBA, Croston, TSB, SES) lose to zero on RMSSE
        Map<String, double[]> slice = SeriesSlice.read("/forecast/oil_spares_every50th.csv");
        assertThat(slice).hasSize(153);
        Result r = evaluate(
                slice,
                17,
                List.of(CrostonModel.croston(), CrostonModel.sba(), new TsbModel(), new SesModel(), new ZeroModel()),
                new AutoForecaster(12, 4, SporadicForecast.MINIMUM_RMSE));
        assertThat(r.auto())
                .as("auto vs zero forecast")
                .isLessThanOrEqualTo(r.single().get("Zero") * 1.01);
        for (String mean : List.of("Croston", "SBA", "TSB", "SES")) {
            assertThat(r.auto()).as("auto vs " + mean).isLessThan(r.single().get(mean));
        }
    }
}
