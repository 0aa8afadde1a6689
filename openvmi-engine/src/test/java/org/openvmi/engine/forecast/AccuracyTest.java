package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyTest {

    // train 1,3,2,4; actual 5,3; forecast 4,4 -> errors 1, -1
    private final double[] train = {1, 3, 2, 4};
    private final double[] actual = {5, 3};
    private final double[] forecast = {4, 4};

    @Test
    void mae_and_rmse_of_unit_errors_are_one() {
        assertThat(Accuracy.mae(actual, forecast)).isEqualTo(1.0);
        assertThat(Accuracy.rmse(actual, new double[] {3, 3})).isCloseTo(Math.sqrt((4 + 0) / 2.0), within(1e-12));
    }

    @Test
    void mase_divides_by_the_in_sample_seasonal_naive_mae() {
        // lag 1: |3-1| + |2-3| + |4-2| = 5 over 3 -> scale 5/3, MASE = 1 / (5/3) = 0.6
        assertThat(Accuracy.mase(train, actual, forecast, 1)).isCloseTo(0.6, within(1e-12));
        // lag 2: |2-1| + |4-3| = 2 over 2 -> scale 1, MASE = 1
        assertThat(Accuracy.mase(train, actual, forecast, 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void rmsse_divides_the_mse_by_the_in_sample_one_step_naive_mse() {
        // naive squared errors 4, 1, 4 -> mean 3; MSE 1 -> RMSSE = sqrt(1/3)
        assertThat(Accuracy.rmsse(train, actual, forecast)).isCloseTo(Math.sqrt(1.0 / 3), within(1e-12));
    }

    @Test
    void a_constant_training_series_gives_no_scaled_error() {
        assertThat(Accuracy.rmsse(new double[] {2, 2, 2}, actual, forecast)).isNaN();
        assertThat(Accuracy.mase(new double[] {2, 2, 2}, actual, forecast, 1)).isNaN();
    }

    @Test
    void forecast_and_actual_of_different_length_are_refused() {
        assertThatThrownBy(() -> Accuracy.mae(actual, new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
