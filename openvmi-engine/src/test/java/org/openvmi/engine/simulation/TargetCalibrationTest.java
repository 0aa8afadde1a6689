package org.openvmi.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.engine.policy.OrderRounding;
import org.openvmi.engine.policy.ReplenishmentPolicy;

class TargetCalibrationTest {

    private final InventorySimulator simulator = new InventorySimulator(0, ShortageMode.LOST_SALES, OrderRounding.NONE);

    @Test
    void finds_the_price_of_fill_where_the_backtest_meets_the_target() {
        // two series with demand 2 every period; a toy policy stocks 2 while lambda < 0.01, else 1 unit.
        // Fill: 1.0 below 0.01, 0.5 above -> for a target of 0.9 the largest lambda that still meets it is 0.01
        List<double[]> histories = List.of(new double[] {2, 2, 2, 2}, new double[] {2, 2, 2, 2});
        TargetCalibration.PricedPolicy toy =
                (series, lambda) -> PolicySource.fixed(new ReplenishmentPolicy.OrderUpTo(lambda < 0.01 ? 2 : 1));
        TargetCalibration.Result r = new TargetCalibration(simulator, 40).calibrate(histories, 2, 0.9, toy);
        assertThat(r.lambda()).isCloseTo(0.01, within(1e-6));
        assertThat(r.backtestFillRate()).isEqualTo(1.0);
        assertThat(r.series()).isEqualTo(2);
        assertThat(r.cut()).isEqualTo(2);
        assertThat(r.end()).isEqualTo(4);
    }

    @Test
    void counts_only_series_with_demand_before_and_after_the_cut() {
        // series 2 has no demand before the cut, series 3 none after: neither counts
        List<double[]> histories =
                List.of(new double[] {1, 1, 1, 1}, new double[] {0, 0, 3, 3}, new double[] {5, 5, 0, 0});
        TargetCalibration.Result r = new TargetCalibration(simulator, 10)
                .calibrate(
                        histories,
                        2,
                        0.5,
                        (series, lambda) -> PolicySource.fixed(new ReplenishmentPolicy.OrderUpTo(1)));
        assertThat(r.series()).isEqualTo(1);
    }

    @Test
    void an_unreachable_target_returns_the_lowest_price_and_the_fill_it_reaches() {
        List<double[]> histories = List.of(new double[] {4, 4, 4, 4});
        TargetCalibration.Result r = new TargetCalibration(simulator, 10)
                .calibrate(
                        histories,
                        2,
                        0.95,
                        (series, lambda) -> PolicySource.fixed(new ReplenishmentPolicy.OrderUpTo(1)));
        // stock 1 against demand 4: fill 1/4
        assertThat(r.backtestFillRate()).isCloseTo(0.25, within(1e-12));
        assertThat(r.lambda()).isEqualTo(1e-10);
    }
}
