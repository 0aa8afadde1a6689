package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimiserTest {

    @Test
    void the_coarse_to_fine_grid_finds_the_minimum_of_a_bowl_inside_the_box() {
        double[] x = Optimiser.smoothing(p -> Math.pow(p[0] - 0.37, 2) + Math.pow(p[1] - 0.81, 2), 2);
        assertThat(x[0]).isCloseTo(0.37, within(0.01));
        assertThat(x[1]).isCloseTo(0.81, within(0.01));
    }

    @Test
    void a_minimum_outside_the_box_is_clipped_to_the_bound_not_crossed() {
        double[] x = Optimiser.smoothing(p -> -p[0], 1);
        assertThat(x[0]).isEqualTo(Optimiser.HIGH);
    }

    @Test
    void diverging_points_are_ranked_last_even_at_the_starting_midpoint() {
        // NaN in the middle of the box (where the search starts) and for p >= 0.5; finite minimum at 0.2
        double[] x = Optimiser.smoothing(p -> p[0] >= 0.45 ? Double.NaN : Math.pow(p[0] - 0.2, 2), 1);
        assertThat(x[0]).isCloseTo(0.2, within(0.01));
    }

    @Test
    void grid_then_compass_finds_the_minimum_of_a_four_dimensional_bowl_and_stays_in_the_box() {
        double[] lo = {0.01, 0.01, 0.01, 0.8};
        double[] hi = {0.99, 0.99, 0.99, 0.98};
        double[] x = Optimiser.gridThenCompass(
                p -> Math.pow(p[0] - 0.13, 2)
                        + Math.pow(p[1] - 0.71, 2)
                        + 3 * Math.pow(p[2] - 0.42, 2)
                        + Math.pow(p[3] - 0.9, 2),
                lo,
                hi,
                3,
                0.002,
                600);
        assertThat(x[0]).isCloseTo(0.13, within(0.005));
        assertThat(x[1]).isCloseTo(0.71, within(0.005));
        assertThat(x[2]).isCloseTo(0.42, within(0.005));
        assertThat(x[3]).isCloseTo(0.9, within(0.005));
        // a minimum beyond the upper corner: clipped, never crossed
        double[] y = Optimiser.gridThenCompass(p -> -(p[0] + p[1] + p[2] + p[3]), lo, hi, 3, 0.002, 600);
        assertThat(y).containsExactly(hi);
    }
}
