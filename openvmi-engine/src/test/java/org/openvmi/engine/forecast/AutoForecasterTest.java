package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoForecasterTest {

    private final AutoForecaster auto = new AutoForecaster(12, 4);
    private final AutoForecaster pointAccuracy = new AutoForecaster(12, 4, SporadicForecast.MINIMUM_RMSE);

    @Test
    void a_clearly_seasonal_series_gets_a_seasonal_model() {
        Random r = new Random(11);
        double[] y = new double[72];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 12) + 2 * r.nextGaussian();
        }
        ModelChoice choice = auto.choose(y, 12);
        assertThat(choice.profile().demandClass()).isEqualTo(DemandClass.SMOOTH);
        assertThat(choice.measure()).isEqualTo("MASE");
        assertThat(choice.model().name()).matches("Theta.*");
        assertThat(choice.candidateScores()).containsOnlyKeys("Theta", "Theta+HW-damped(12)");
        assertThat(choice.forecast()).hasSize(12);
        // the forecast follows the season: its peak (t = 75, sin = 1 -> 130) above its trough (t = 81 -> 70)
        assertThat(choice.forecast()[3] - choice.forecast()[9]).isGreaterThan(40);
        assertThat(choice.score())
                .isEqualTo(choice.candidateScores().get(choice.model().name()));
        assertThat(choice.candidateScores().values())
                .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(choice.score()));
    }

    @Test
    void by_default_an_intermittent_series_gets_a_demand_rate_from_an_intermittent_demand_model() {
        // demand of 4 to 6 units roughly every fourth month
        Random r = new Random(5);
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = r.nextDouble() < 0.25 ? 4 + r.nextInt(3) : 0;
        }
        ModelChoice choice = auto.choose(y, 6);
        assertThat(choice.profile().demandClass()).isEqualTo(DemandClass.INTERMITTENT);
        assertThat(choice.measure()).isEqualTo("RMSSE");
        assertThat(choice.model().name()).isIn("Croston", "SBA", "TSB");
        assertThat(choice.candidateScores()).containsKeys("Croston", "SBA", "TSB", "SES", "Zero");
        assertThat(choice.forecast()[0]).isGreaterThan(0.5).isLessThan(2.5);
    }

    @Test
    void for_point_accuracy_an_intermittent_series_is_ranked_between_zero_and_the_minimum_rmse_forecast() {
        // demand of 4 to 6 units roughly every fourth month: 12 demands in 48 months
        Random r = new Random(5);
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = r.nextDouble() < 0.25 ? 4 + r.nextInt(3) : 0;
        }
        ModelChoice choice = pointAccuracy.choose(y, 6);
        assertThat(choice.profile().demandClass()).isEqualTo(DemandClass.INTERMITTENT);
        assertThat(choice.measure()).isEqualTo("RMSSE");
        assertThat(choice.candidateScores()).containsOnlyKeys("Zero", "MinRMSE");
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        for (double f : choice.forecast()) {
            assertThat(f).isBetween(0.0, mean);
        }
    }

    @Test
    void for_point_accuracy_sporadic_demand_in_most_periods_gets_a_positive_forecast_below_its_mean() {
        // demand of 3 units in 2 of every 3 months: ADI 1.5 (sporadic), CV² 0; over 6 months no demand at all is
        // unlikely, so the forecast that minimises the expected RMSE is positive, and no more than the mean 2
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 3 == 0 ? 0 : 3;
        }
        ModelChoice choice = pointAccuracy.choose(y, 6);
        assertThat(choice.profile().demandClass()).isEqualTo(DemandClass.INTERMITTENT);
        assertThat(choice.model().name()).isEqualTo("MinRMSE");
        assertThat(choice.forecast()[0]).isGreaterThan(0.5).isLessThanOrEqualTo(2.0);
    }

    @Test
    void a_history_without_demand_forecasts_zero_and_a_too_short_one_falls_back_without_backtest() {
        ModelChoice none = auto.choose(new double[24], 3);
        assertThat(none.model().name()).isEqualTo("Zero");
        assertThat(none.forecast()).containsExactly(0, 0, 0);

        ModelChoice tooShort = auto.choose(new double[] {4, 5, 6}, 2);
        assertThat(tooShort.profile().demandClass()).isEqualTo(DemandClass.TOO_SHORT);
        assertThat(tooShort.measure()).isEqualTo("none");
        assertThat(tooShort.score()).isNaN();
        assertThat(tooShort.forecast()).hasSize(2);
    }

    @Test
    void every_history_length_and_shape_gets_a_finite_forecast_of_the_asked_length_under_both_goals() {
        // seeded histories of 1..120 periods: smooth, trending, seasonal, constant, sporadic and empty
        Random r = new Random(17);
        for (AutoForecaster a : java.util.List.of(
                auto,
                pointAccuracy,
                new AutoForecaster(7, 2),
                new AutoForecaster(52, 4, SporadicForecast.MINIMUM_RMSE))) {
            for (int n = 1; n <= 120; n += 7) {
                for (int shape = 0; shape < 6; shape++) {
                    double[] y = new double[n];
                    for (int t = 0; t < n; t++) {
                        y[t] = switch (shape) {
                            case 0 -> 50 + 5 * r.nextGaussian();
                            case 1 -> Math.max(0, 10 + 2 * t + 3 * r.nextGaussian());
                            case 2 -> 100 * (1 + 0.5 * Math.sin(2 * Math.PI * t / 12)) + r.nextGaussian();
                            case 3 -> 7;
                            case 4 -> r.nextDouble() < 0.2 ? 1 + r.nextInt(9) : 0;
                            default -> 0;
                        };
                    }
                    ModelChoice choice = a.choose(y, 9);
                    assertThat(choice.forecast()).as("n %d shape %d", n, shape).hasSize(9);
                    for (double f : choice.forecast()) {
                        assertThat(f)
                                .as("n %d shape %d %s", n, shape, choice.model().name())
                                .isFinite();
                    }
                    if (shape >= 3) {
                        assertThat(choice.forecast()[0])
                                .as("n %d shape %d", n, shape)
                                .isGreaterThanOrEqualTo(0);
                    }
                }
            }
        }
    }
}
