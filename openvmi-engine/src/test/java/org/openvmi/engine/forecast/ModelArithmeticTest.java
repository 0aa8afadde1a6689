package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each model against values computed by hand (the arithmetic is in the comments). */
class ModelArithmeticTest {

    private static final org.assertj.core.data.Offset<Double> EPS = within(1e-9);

    @Test
    void naive_repeats_the_last_value_and_its_sse_is_the_sum_of_squared_changes() {
        // y = 3, 5, 4 -> forecast 4, 4; SSE = (5-3)^2 + (4-5)^2 = 4 + 1 = 5
        FittedModel f = new NaiveModel().fit(new double[] {3, 5, 4});
        assertThat(f.forecast(2)).containsExactly(4, 4);
        assertThat(f.sse()).isCloseTo(5, EPS);
    }

    @Test
    void seasonal_naive_repeats_the_last_season_in_order() {
        // m = 3, y = 1..7: last season (5, 6, 7); step 4 wraps to 5.
        // SSE over t = 3..6: (4-1)^2 + (5-2)^2 + (6-3)^2 + (7-4)^2 = 4 * 9 = 36
        FittedModel f = new SeasonalNaiveModel(3).fit(new double[] {1, 2, 3, 4, 5, 6, 7});
        assertThat(f.forecast(4)).containsExactly(5, 6, 7, 5);
        assertThat(f.sse()).isCloseTo(36, EPS);
    }

    @Test
    void moving_average_fits_the_window_with_the_smallest_one_step_error() {
        // y = 5,1,5,1,5,1, windows 1..2, errors counted for t = 2..5.
        // k=1: forecasts are y[t-1], errors +-4 -> SSE 4*16 = 64. k=2: forecasts (5+1)/2 = 3, errors +-2 -> SSE 16.
        // k=2 wins; forecast = mean(5, 1) = 3
        FittedModel f = new MovingAverageModel(2).fit(new double[] {5, 1, 5, 1, 5, 1});
        assertThat(f.parameters()).containsEntry("window", 2.0);
        assertThat(f.forecast(3)).containsExactly(3, 3, 3);
        assertThat(f.sse()).isCloseTo(16, EPS);
    }

    @Test
    void ses_with_alpha_one_half_smooths_the_level_step_by_step() {
        // l0 = 10; t=1: e = 12-10 = 2, l = 10 + 0.5*2 = 11; t=2: e = 14-11 = 3, l = 11 + 1.5 = 12.5
        // SSE = 4 + 9 = 13; forecast flat 12.5
        FittedModel f = SesModel.withAlpha(0.5).fit(new double[] {10, 12, 14});
        assertThat(f.forecast(2)).containsExactly(12.5, 12.5);
        assertThat(f.sse()).isCloseTo(13, EPS);
    }

    @Test
    void damped_holt_follows_the_hand_computed_recursion() {
        // alpha = beta = 0.5, phi = 0.9, y = 10, 12, 13; l0 = 10, b0 = 12-10 = 2
        // t=1: f = 10 + 0.9*2 = 11.8, e = 0.2 (sq 0.04); l = 0.5*12 + 0.5*11.8 = 11.9;
        //      b = 0.5*(11.9-10) + 0.5*0.9*2 = 0.95 + 0.9 = 1.85
        // t=2: f = 11.9 + 0.9*1.85 = 13.565, e = -0.565 (sq 0.319225); l = 0.5*13 + 0.5*13.565 = 13.2825;
        //      b = 0.5*(13.2825-11.9) + 0.5*0.9*1.85 = 0.69125 + 0.8325 = 1.52375
        // SSE = 0.359225; forecast 1 = 13.2825 + 0.9*1.52375 = 14.653875; 2 = 13.2825 + 1.71*1.52375 = 15.8881125
        FittedModel f = HoltDampedModel.withParameters(0.5, 0.5, 0.9).fit(new double[] {10, 12, 13});
        assertThat(f.sse()).isCloseTo(0.359225, EPS);
        double[] h = f.forecast(2);
        assertThat(h[0]).isCloseTo(14.653875, EPS);
        assertThat(h[1]).isCloseTo(15.8881125, EPS);
    }

    @Test
    void additive_holt_winters_follows_the_hand_computed_recursion() {
        // m = 2, alpha = beta = gamma = 0.5, y = 1, 3, 2, 4, 3.
        // init: l = mean(1,3) = 2, b = (mean(2,4) - 2)/2 = 0.5, s0 = 1-2 = -1, s1 = 3-2 = 1
        // t=2 (s0): f = 2+0.5-1 = 1.5, e = 0.5 (sq 0.25); l = 0.5*(2+1) + 0.5*2.5 = 2.75;
        //      b = 0.5*0.75 + 0.5*0.5 = 0.625; s0 = 0.5*(2-2.75) + 0.5*(-1) = -0.875
        // t=3 (s1): f = 2.75+0.625+1 = 4.375, e = -0.375 (sq 0.140625); l = 0.5*(4-1) + 0.5*3.375 = 3.1875;
        //      b = 0.5*0.4375 + 0.5*0.625 = 0.53125; s1 = 0.5*(4-3.1875) + 0.5*1 = 0.90625
        // t=4 (s0): f = 3.1875+0.53125-0.875 = 2.84375, e = 0.15625 (sq 0.0244140625);
        //      l = 0.5*(3+0.875) + 0.5*3.71875 = 3.796875; b = 0.5*0.609375 + 0.5*0.53125 = 0.5703125;
        //      s0 = 0.5*(3-3.796875) + 0.5*(-0.875) = -0.8359375
        // SSE = 0.25 + 0.140625 + 0.0244140625 = 0.4150390625
        // forecast step 1 (period 5, s1) = 3.796875 + 0.5703125 + 0.90625 = 5.2734375
        //          step 2 (period 6, s0) = 3.796875 + 2*0.5703125 - 0.8359375 = 4.1015625
        FittedModel f =
                HoltWintersModel.additive(2).withParameters(0.5, 0.5, 0.5).fit(new double[] {1, 3, 2, 4, 3});
        assertThat(f.sse()).isCloseTo(0.4150390625, EPS);
        double[] h = f.forecast(2);
        assertThat(h[0]).isCloseTo(5.2734375, EPS);
        assertThat(h[1]).isCloseTo(4.1015625, EPS);
    }

    @Test
    void damped_additive_holt_winters_with_phi_one_is_the_undamped_recursion_and_damping_shrinks_the_trend() {
        // phi = 1 turns every phi*b back into b: the hand-computed values of the test above
        double[] y = {1, 3, 2, 4, 3};
        FittedModel f = HoltWintersModel.additive(2)
                .damped()
                .withParameters(0.5, 0.5, 0.5, 1.0)
                .fit(y);
        assertThat(f.sse()).isCloseTo(0.4150390625, EPS);
        assertThat(f.forecast(1)[0]).isCloseTo(5.2734375, EPS);
        // phi = 0.9, first one-step forecast at t=2: l + 0.9*b + s0 = 2 + 0.45 - 1 = 1.45, e = 0.55 (sq 0.3025),
        // so the SSE differs from the undamped one, and 120 steps ahead the trend adds at most b*0.9/(1-0.9) = 9*b
        FittedModel d = HoltWintersModel.additive(2)
                .damped()
                .withParameters(0.5, 0.5, 0.5, 0.9)
                .fit(y);
        assertThat(d.sse()).isNotCloseTo(0.4150390625, within(1e-6));
        double[] far = d.forecast(120);
        assertThat(Math.abs(far[119] - far[117])).isLessThan(1e-3);
    }

    @Test
    void multiplicative_holt_winters_keeps_an_exactly_seasonal_series_unchanged() {
        // m = 2, y = 1,3,1,3,1: l = 2, b = (2-2)/2 = 0, s = (1/2, 3/2) = (0.5, 1.5).
        // each step: f = (2+0)*s = y exactly, so l = 0.5*y/s + 0.5*2 = 2, b = 0, s = 0.5*y/2 + 0.5*s = s.
        // SSE = 0; forecast step 1 (period 5, s1) = 2*1.5 = 3, step 2 (s0) = 2*0.5 = 1
        FittedModel f =
                HoltWintersModel.multiplicative(2).withParameters(0.5, 0.5, 0.5).fit(new double[] {1, 3, 1, 3, 1});
        assertThat(f.sse()).isCloseTo(0, EPS);
        assertThat(f.forecast(3)).containsExactly(3, 1, 3);
    }

    @Test
    void multiplicative_holt_winters_refuses_a_series_with_a_zero() {
        double[] y = {1, 3, 0, 3, 1};
        assertThat(HoltWintersModel.multiplicative(2).canFit(y)).isFalse();
        assertThatThrownBy(() -> HoltWintersModel.multiplicative(2).fit(y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void croston_smooths_sizes_and_intervals_only_on_demand() {
        // alpha = 0.5, y = 0, 2, 0, 0, 4. First demand at period 2: z = 2, p = 2 -> forecast 1.
        // t=2: e = 0-1 (sq 1); t=3: e = -1 (sq 1); t=4: e = 4-1 = 3 (sq 9); demand after q = 3:
        // z = 0.5*4 + 0.5*2 = 3, p = 0.5*3 + 0.5*2 = 2.5. SSE = 11; forecast 3/2.5 = 1.2
        FittedModel f = CrostonModel.croston().withAlpha(0.5).fit(new double[] {0, 2, 0, 0, 4});
        assertThat(f.sse()).isCloseTo(11, EPS);
        assertThat(f.forecast(1)[0]).isCloseTo(1.2, EPS);
    }

    @Test
    void sba_is_croston_times_one_minus_half_alpha() {
        // same series, c = 1 - 0.5/2 = 0.75: forecasts 0.75 until period 5: errors -0.75, -0.75, 3.25
        // SSE = 0.5625 + 0.5625 + 10.5625 = 11.6875; forecast 0.75 * 1.2 = 0.9
        FittedModel f = CrostonModel.sba().withAlpha(0.5).fit(new double[] {0, 2, 0, 0, 4});
        assertThat(f.sse()).isCloseTo(11.6875, EPS);
        assertThat(f.forecast(1)[0]).isCloseTo(0.9, EPS);
    }

    @Test
    void tsb_updates_the_probability_every_period_and_the_size_on_demand() {
        // alpha = beta = 0.5, y = 0, 2, 0, 4: init prob = 2/4 = 0.5, z = (2+4)/2 = 3
        // t=0: f = 1.5, e = -1.5 (sq 2.25); prob = 0.25
        // t=1: f = 0.75, e = 1.25 (sq 1.5625); prob = 0.5 + 0.125 = 0.625; z = 1 + 1.5 = 2.5
        // t=2: f = 1.5625, e = -1.5625 (sq 2.44140625); prob = 0.3125
        // t=3: f = 0.78125, e = 3.21875 (sq 10.3603515625); prob = 0.5 + 0.15625 = 0.65625; z = 2 + 1.25 = 3.25
        // SSE = 16.6142578125; forecast 0.65625 * 3.25 = 2.1328125
        FittedModel f = TsbModel.withParameters(0.5, 0.5).fit(new double[] {0, 2, 0, 4});
        assertThat(f.sse()).isCloseTo(16.6142578125, EPS);
        assertThat(f.forecast(2)).containsExactly(2.1328125, 2.1328125);
    }

    @Test
    void croston_on_a_history_without_demand_forecasts_zero() {
        assertThat(CrostonModel.sba().fit(new double[] {0, 0, 0, 0}).forecast(2))
                .containsExactly(0, 0);
    }
}
