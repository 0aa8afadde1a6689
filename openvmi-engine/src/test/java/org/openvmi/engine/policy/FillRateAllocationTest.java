package org.openvmi.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FillRateAllocationTest {

    @Test
    void smoothed_bootstrap_of_a_history_without_variety_matches_the_normal_table() {
        // history 0, 0, 0, 4: q = 1/4; size 4 jittered with sd sqrt(4) = 2:
        // P(size = 4) = 1/4 * [Phi((4.5 - 4)/2) - Phi((3.5 - 4)/2)] = 1/4 * (0.598706 - 0.401294) = 0.049353
        // P(size = 1) = 1/4 * Phi((1.5 - 4)/2) = 1/4 * Phi(-1.25) = 1/4 * 0.105650 = 0.026412
        UnitDemand d = UnitDemand.smoothedBootstrap(new double[] {0, 0, 0, 4}, 1);
        assertThat(d.probability(0)).isCloseTo(0.75, within(1e-9));
        assertThat(d.probability(4)).isCloseTo(0.049353, within(1e-5));
        assertThat(d.probability(1)).isCloseTo(0.026412, within(1e-5));
        // the mean stays near q * 4 = 1, a little above: the jitter is symmetric except at the floor of 1 unit
        assertThat(d.mean()).isBetween(1.0, 1.02);
        // some probability lies above the largest demand seen: P(D > 4) = 1/4 * (1 - Phi(0.25)) = 0.401294 / 4 =
        // 0.100324
        assertThat(d.above(4)).isCloseTo(0.100324, within(1e-5));
    }

    @Test
    void the_interval_total_is_the_convolution_of_its_periods() {
        // history 0, 1: q = 1/2; size 1 with sd 1: P(size = 1) = Phi(1.5 - 1) = 0.691462 (all mass below 1.5),
        // so one period: P(0) = 0.5, P(1) = 0.5 * 0.691462 = 0.345731
        // two periods: P(0) = 0.5 * 0.5 = 0.25, P(1) = 2 * 0.5 * 0.345731 = 0.345731
        UnitDemand two = UnitDemand.smoothedBootstrap(new double[] {0, 1}, 2);
        assertThat(two.probability(0)).isCloseTo(0.25, within(1e-12));
        assertThat(two.probability(1)).isCloseTo(0.345731, within(1e-5));
        assertThat(two.mean())
                .isCloseTo(
                        2 * UnitDemand.smoothedBootstrap(new double[] {0, 1}, 1).mean(), within(1e-9));
    }

    @Test
    void normal_demand_in_whole_units_puts_negative_demand_on_zero() {
        // mean 2, sd 1 over one period: P(0) = Phi((0.5 - 2)/1) = Phi(-1.5) = 0.066807
        UnitDemand d = UnitDemand.normal(2, 1, 1);
        assertThat(d.probability(0)).isCloseTo(0.066807, within(1e-5));
        assertThat(d.mean()).isCloseTo(2, within(0.01));
        // two periods: mean 4, sd sqrt(2); a deviation of zero is a point mass at the rounded mean
        assertThat(UnitDemand.normal(2, 1, 2).mean()).isCloseTo(4, within(0.01));
        assertThat(UnitDemand.normal(2.4, 0, 1).probability(2)).isEqualTo(1.0);
    }

    @Test
    void each_unit_is_stocked_while_its_fill_gain_is_worth_its_cost() {
        // demand 0 (0.5), 1 (0.3), 2 (0.2): mean 0.7; gain of unit s+1 = P(D > s) / 0.7:
        // s = 0: 0.5 / 0.7 = 0.714; s = 1: 0.2 / 0.7 = 0.286; s = 2: 0
        UnitDemand d = UnitDemand.of(0.5, 0.3, 0.2);
        // price 10: lambda 0.05 -> threshold 0.5: first unit (0.714) yes, second (0.286) no -> level 1
        assertThat(FillRateAllocation.level(d, 0.7, 10, 0.05)).isEqualTo(1);
        // cheaper item, price 2 -> threshold 0.1: both units -> level 2
        assertThat(FillRateAllocation.level(d, 0.7, 2, 0.05)).isEqualTo(2);
        // dear item, price 100 -> threshold 5: none
        assertThat(FillRateAllocation.level(d, 0.7, 100, 0.05)).isZero();
        // no price: up to where more is needed with probability below one in a million -> 2
        assertThat(FillRateAllocation.level(d, 0.7, 0, 0.05)).isEqualTo(2);
        // no demand: nothing
        assertThat(FillRateAllocation.level(UnitDemand.of(1), 0, 1, 0.05)).isZero();
        assertThatThrownBy(() -> FillRateAllocation.level(d, 0.7, -1, 0.05)).hasMessageContaining("zero or more");
    }

    @Test
    void regular_demand_of_thousands_of_units_is_a_formula_not_a_table() {
        // mean 10,000, sd 100, no price: stock until P(D > s) = 1 - Phi((s + 0.5 - 10000)/100) < 1e-6,
        // z = 4.7534 -> s >= 10474.8 -> 10475 (give or take the CDF approximation's 1e-7 in the far tail)
        UnitDemand d = UnitDemand.normal(10_000, 100, 1);
        assertThat(FillRateAllocation.level(d, 10_000, 0, 0)).isBetween(10_473, 10_477);
        // price 1, lambda 1e-5: bar = 1e-5 * 1 * 10000 = 0.1 -> P(D > s) < 0.1 -> z = 1.2816 -> s = 10128
        assertThat(FillRateAllocation.level(d, 10_000, 1, 1e-5)).isEqualTo(10_128);
        // E[(D - 10000)+] = 100 * G(0) = 39.89
        assertThat(d.expectedShortage(10_000)).isCloseTo(39.89, within(0.01));
    }

    @Test
    void expected_shortage_is_the_tail_sum() {
        // E[(D - 1)+] = 1 * 0.2 = 0.2; E[(D - 0)+] = 0.7
        UnitDemand d = UnitDemand.of(0.5, 0.3, 0.2);
        assertThat(d.expectedShortage(1)).isCloseTo(0.2, within(1e-12));
        assertThat(d.expectedShortage(0)).isCloseTo(0.7, within(1e-12));
        assertThat(d.above(1)).isCloseTo(0.2, within(1e-12));
        assertThat(d.above(-1)).isEqualTo(1.0);
    }
}
