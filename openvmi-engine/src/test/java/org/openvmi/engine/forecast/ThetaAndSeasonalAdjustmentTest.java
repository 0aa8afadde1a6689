package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Theta, the seasonality test and the multiplicative adjustment against values computed by hand. */
class ThetaAndSeasonalAdjustmentTest {

    private static final org.assertj.core.data.Offset<Double> EPS = within(1e-9);

    @Test
    void theta_is_ses_with_its_best_initial_level_plus_half_the_least_squares_slope() {
        // y = 1, 3, 2, 4, alpha = 0.5. Forecast of y_t = (1-alpha)^t * l0 + g_t, g started from 0:
        // t=0: d=1,     g=0,     r = 1           ; then g = 0.5,    d = 0.5
        // t=1: d=0.5,   g=0.5,   r = 2.5         ; then g = 1.75,   d = 0.25
        // t=2: d=0.25,  g=1.75,  r = 0.25        ; then g = 1.875,  d = 0.125
        // t=3: d=0.125, g=1.875, r = 2.125       ; then g = 2.9375, d = 0.0625
        // sum d² = 1.328125, sum d*r = 2.578125, sum r² = 11.828125
        // l0 = 2.578125 / 1.328125 = 33/17; SSE = 11.828125 - 2.578125²/1.328125 = 116/17
        // (check: forecasts 33/17, 25/17, 38/17, 36/17; errors -16/17, 26/17, -4/17, 32/17;
        //  squares sum 1972/289 = 116/17)
        // final level = 2.9375 + 0.0625 * 33/17 = 52/17
        // slope of y on t = 0..3: sum (t-1.5)(y-2.5) = 2.25 - 0.25 - 0.25 + 2.25 = 4, sum (t-1.5)² = 5 -> 0.8, half 0.4
        // (1 - 0.5^4) / 0.5 = 1.875; step k: 52/17 + 0.4 * (k - 1 + 1.875) -> 52/17 + 0.75, 52/17 + 1.15
        FittedModel f = new ThetaModel(1).withAlpha(0.5).fit(new double[] {1, 3, 2, 4});
        assertThat(f.sse()).isCloseTo(116.0 / 17, EPS);
        assertThat(f.parameters().get("l0")).isCloseTo(33.0 / 17, EPS);
        assertThat(f.parameters().get("drift")).isCloseTo(0.4, EPS);
        double[] h = f.forecast(2);
        assertThat(h[0]).isCloseTo(52.0 / 17 + 0.75, EPS);
        assertThat(h[1]).isCloseTo(52.0 / 17 + 1.15, EPS);
    }

    @Test
    void a_constant_history_is_forecast_exactly_with_no_in_sample_error() {
        // every difference from y[0] is 0: l0 = 1234.5, SSE 0, slope 0 -> exactly 1234.5 (stock policies read a
        // zero SSE as no safety stock, and a planning test compares the forecast exactly)
        double[] y = new double[52];
        java.util.Arrays.fill(y, 1234.5);
        FittedModel f = new ThetaModel(52).fit(y);
        assertThat(f.forecast(3)).containsExactly(1234.5, 1234.5, 1234.5);
        assertThat(f.sse()).isZero();
        assertThat(new AutoForecaster(52, 4).choose(y, 4).forecast()).containsOnly(1234.5);
    }

    @Test
    void the_season_counts_only_when_the_lag_m_autocorrelation_passes_the_ninety_percent_test() {
        // y = 1,3,1,3,… mean 2, deviations ±1, sum of squares n.
        // n = 12: r1 = -11/12, r2 = 10/12 = 0.8333; bound 1.6449 * sqrt((1 + 2*(11/12)²)/12) = 0.7775 -> seasonal
        // n = 6:  r1 = -5/6,   r2 = 4/6 = 0.6667;   bound 1.6449 * sqrt((1 + 2*(5/6)²)/6) = 1.0380   -> not
        assertThat(SeasonalAdjustment.significant(alternating(12), 2)).isTrue();
        assertThat(SeasonalAdjustment.significant(alternating(6), 2)).isFalse();
    }

    @Test
    void multiplicative_indices_come_from_ratios_to_the_centred_moving_average() {
        // m = 2: trend_t = (0.5*y[t-1] + y[t] + 0.5*y[t+1]) / 2 = (0.5 + 3 + 0.5)/2 = 2 at a 3, (1.5 + 1 + 1.5)/2 = 2
        // at a 1; ratios 0.5 (even t) and 1.5 (odd t), mean 1 -> indices (0.5, 1.5)
        assertThat(SeasonalAdjustment.indices(alternating(12), 2)).containsExactly(0.5, 1.5);
        // too short (n < 2m + 1), a zero, or no significant season: no indices
        assertThat(SeasonalAdjustment.indices(alternating(4), 2)).isNull();
        double[] withZero = alternating(12);
        withZero[4] = 0;
        assertThat(SeasonalAdjustment.indices(withZero, 2)).isNull();
        assertThat(SeasonalAdjustment.indices(alternating(6), 2)).isNull();
    }

    @Test
    void seasonal_indices_of_a_noisy_monthly_series_average_one_and_follow_its_peak() {
        Random r = new Random(4);
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = (100 + t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) + 3 * r.nextGaussian();
        }
        double[] index = SeasonalAdjustment.indices(y, 12);
        assertThat(index).hasSize(12);
        assertThat(java.util.Arrays.stream(index).average().orElseThrow()).isCloseTo(1.0, EPS);
        assertThat(index[3]).isCloseTo(1.3, within(0.05)); // sin peaks at t = 3
        assertThat(index[9]).isCloseTo(0.7, within(0.05));
    }

    @Test
    void a_deseasonalised_model_fits_the_adjusted_series_and_multiplies_the_season_back() {
        // indices (0.5, 1.5): adjusted series 2, 2, …, 2; SES from l0 = 2 stays at 2 with SSE 0.
        // step 1 lands on period 12 (position 0): 2 * 0.5 = 1; step 2 on period 13: 2 * 1.5 = 3
        FittedModel f = new DeseasonalisedModel(SesModel.withAlpha(0.5), 2).fit(alternating(12));
        assertThat(f.forecast(3)).containsExactly(1, 3, 1);
        assertThat(f.sse()).isCloseTo(0, EPS);
        assertThat(f.parameters()).containsEntry("seasonal", 1.0).containsEntry("alpha", 0.5);
        // no significant season: the inner model's forecast unchanged
        double[] flat = {5, 6, 5, 7, 6, 5, 6, 6};
        assertThat(new DeseasonalisedModel(SesModel.withAlpha(0.5), 2).fit(flat).forecast(2))
                .containsExactly(SesModel.withAlpha(0.5).fit(flat).forecast(2));
    }

    @Test
    void seasonal_theta_follows_a_clear_season() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12));
        }
        FittedModel f = new ThetaModel(12).fit(y);
        assertThat(f.parameters()).containsEntry("seasonal", 1.0);
        double[] h = f.forecast(12);
        // period 48 + 3 = 51 ≡ 3 (peak, 130) and 48 + 9 ≡ 9 (trough, 70)
        assertThat(h[3]).isCloseTo(130, within(2.0));
        assertThat(h[9]).isCloseTo(70, within(2.0));
    }

    private static double[] alternating(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = t % 2 == 0 ? 1 : 3;
        }
        return y;
    }
}
