package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The minimum-RMSE forecast of sporadic demand and the combination, against values computed by hand. */
class MinimumRmseAndCombinationTest {

    @Test
    void a_part_that_will_likely_see_no_demand_in_the_horizon_is_forecast_zero() {
        // y = 0,0,0,4: p = 1/4, sizes 4 (E z = 4, E z² = 16); h = 2: a = 16/2 = 8, b = 4/2 = 2.
        // Binomial(2, 1/4) = 0.5625, 0.375, 0.0625; times 0.8, plus dormancy 0.2 at k = 0: 0.65, 0.3, 0.05.
        // slope of the expected RMSE at f = 0: 0.65 - (b/sqrt(a)) * (0.3*1 + 0.05*sqrt(2))
        //   = 0.65 - 0.7071 * 0.3707 = 0.3879 > 0 -> f = 0
        assertThat(new MinimumRmseModel().fit(new double[] {0, 0, 0, 4}).forecast(2))
                .containsExactly(0, 0);
    }

    @Test
    void a_part_demanded_every_period_is_forecast_its_mean() {
        // y = 2,2,2,2: p = 1, E z = 2, E z² = 4; h = 2: k = 2 with 0.8, k = 0 with the dormancy 0.2; a = 2, b = 1.
        // expected RMSE = 0.2*f + 0.8*sqrt(2*2 - 2f*2*1 + f²) = 0.2 f + 0.8 (2 - f), falling up to the mean f = 2
        double[] f = new MinimumRmseModel().fit(new double[] {2, 2, 2, 2}).forecast(2);
        assertThat(f[0]).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void in_between_the_forecast_balances_the_cost_of_an_empty_horizon_against_the_gain_of_a_busy_one() {
        // y = 0,2,0,2: p = 1/2, E z = 2, E z² = 4; h = 2: Binomial 0.25, 0.5, 0.25 -> 0.4, 0.4, 0.2 with dormancy.
        // a = 2, b = 1: E(f) = 0.4 f + 0.4 sqrt((1-f)² + 1) + 0.2 (2 - f) on [0, 1];
        // E'(f) = 0.2 - 0.4 (1-f) / sqrt((1-f)² + 1) = 0 -> (1-f)² = 1/3 -> f = 1 - 1/sqrt(3) = 0.42265
        double[] f = new MinimumRmseModel().fit(new double[] {0, 2, 0, 2}).forecast(2);
        assertThat(f[0]).isCloseTo(1 - 1 / Math.sqrt(3), within(1e-6));
        assertThat(f[1]).isEqualTo(f[0]);
        // the forecast depends on the horizon: over 3 periods an empty one is rarer (0.2 + 0.8/8 = 0.3), so higher
        assertThat(new MinimumRmseModel().fit(new double[] {0, 2, 0, 2}).forecast(3)[0])
                .isGreaterThan(f[0]);
        // without dormancy the empty horizon is rarer (0.25): the forecast is higher, still at most the mean 1
        double g =
                MinimumRmseModel.withDormancy(0).fit(new double[] {0, 2, 0, 2}).forecast(2)[0];
        assertThat(g).isGreaterThan(f[0]).isLessThanOrEqualTo(1.0);
    }

    @Test
    void the_binomial_probabilities_sum_to_one() {
        double[] p = MinimumRmseModel.binomial(17, 0.13);
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(p[0]).isCloseTo(Math.pow(0.87, 17), within(1e-15));
        assertThat(MinimumRmseModel.binomial(3, 1.0)).containsExactly(0, 0, 0, 1);
        // Binomial(2, 1/4) = 9/16, 6/16, 1/16
        assertThat(MinimumRmseModel.binomial(2, 0.25))
                .containsExactly(new double[] {0.5625, 0.375, 0.0625}, within(1e-15));
        // a long horizon: 0.25^730 underflows a double, yet the probabilities still sum to one around the mean
        double[] daily = MinimumRmseModel.binomial(730, 0.75);
        assertThat(java.util.Arrays.stream(daily).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(daily[547]).isGreaterThan(daily[400]);
    }

    @Test
    void a_part_demanded_on_three_days_in_four_keeps_a_forecast_near_its_mean_over_a_two_year_horizon() {
        // p = 0.75, size 4: over 730 days an empty horizon has only the dormancy's 0.2; the busy horizons gain
        // 0.8 * (slope of sqrt near the mean) -> a forecast close to the mean 3, never above it
        double[] y = new double[400];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 4 == 0 ? 0 : 4;
        }
        double f = new MinimumRmseModel().fit(y).forecast(730)[0];
        assertThat(f).isGreaterThan(2.5).isLessThanOrEqualTo(3.0);
    }

    @Test
    void a_combination_forecasts_the_mean_of_its_members_and_needs_all_of_them() {
        // naive on 3,5,4 forecasts 4, zero forecasts 0 -> mean 2.
        // SSE: naive (5-3)² + (4-5)² = 5, zero 9 + 25 + 16 = 50 -> the mean of the two, 27.5
        CombinationModel c = new CombinationModel("Naive+Zero", List.of(new NaiveModel(), new ZeroModel()));
        FittedModel f = c.fit(new double[] {3, 5, 4});
        assertThat(f.forecast(2)).containsExactly(2, 2);
        assertThat(f.sse()).isEqualTo(27.5);
        CombinationModel withSeason =
                new CombinationModel("SES+HW", List.of(new SesModel(), HoltWintersModel.additive(12)));
        assertThat(withSeason.canFit(new double[] {3, 5, 4})).isFalse();
        assertThatThrownBy(() -> withSeason.fit(new double[] {3, 5, 4})).isInstanceOf(IllegalArgumentException.class);
    }
}
