package org.openvmi.engine.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.engine.policy.OrderRounding;
import org.openvmi.engine.policy.ReplenishmentPolicy;

/** Written with JUnit's own assertions (this suite also runs where AssertJ is not available). */
class TargetCalibrationBlendTest {

    private final InventorySimulator simulator = new InventorySimulator(0, ShortageMode.LOST_SALES, OrderRounding.NONE);

    // a fast item (10 a period) stocked at 10 while lambda < 0.01, else at 5; a slow one (1 a period) always at 1.
    // Dear λ: fills 0.5 and 1 -> mean 0.75, total (5 + 1) / (10 + 1) = 0.545. Cheap λ: both 1.
    private final List<double[]> histories = List.of(new double[] {10, 10, 10, 10}, new double[] {1, 1, 1, 1});
    private final TargetCalibration.PricedPolicy toy = (series, lambda) ->
            PolicySource.fixed(new ReplenishmentPolicy.OrderUpTo(series == 1 ? 1 : lambda < 0.01 ? 10 : 5));

    @Test
    void the_mean_of_items_is_met_by_the_dear_price_the_total_is_not() {
        TargetCalibration.Result mean = new TargetCalibration(simulator, 40).calibrate(histories, 2, 0.7, toy);
        assertTrue(mean.lambda() > 1, "the mean 0.75 meets 0.7 at any price: " + mean.lambda());
        assertEquals(0.75, mean.backtestFillRate(), 1e-12);

        TargetCalibration.Result total =
                new TargetCalibration(simulator, 40).onBlendWithTotal(1).calibrate(histories, 2, 0.7, toy);
        assertEquals(0.01, total.lambda(), 1e-6);
        assertEquals(1.0, total.backtestFillRate(), 1e-12);
    }

    @Test
    void a_blend_weighs_mean_and_total() {
        // w = 0.5 at the dear price: 0.5 * 0.75 + 0.5 * 6/11 = 0.6477 < 0.65 -> the cheap price; < 0.64 -> the dear one
        TargetCalibration blend = new TargetCalibration(simulator, 40).onBlendWithTotal(0.5);
        assertEquals(0.01, blend.calibrate(histories, 2, 0.65, toy).lambda(), 1e-6);
        TargetCalibration.Result dear = blend.calibrate(histories, 2, 0.64, toy);
        assertTrue(dear.lambda() > 1);
        assertEquals(0.5 * 0.75 + 0.5 * 6 / 11.0, dear.backtestFillRate(), 1e-12);
    }

    @Test
    void the_backtest_replays_as_many_periods_as_the_real_run_but_at_most_half_the_history() {
        assertEquals(21, TargetCalibration.backtestCut(38, 55)); // the oil set: months 22-38 replayed
        assertEquals(42, TargetCalibration.backtestCut(73, 104)); // the weekly set: weeks 43-73
        assertEquals(3, TargetCalibration.backtestCut(6, 40)); // a long real run: half the history
    }

    @Test
    void refuses_a_share_outside_zero_to_one() {
        assertThrows(IllegalArgumentException.class, () -> new TargetCalibration(simulator, 4).onBlendWithTotal(2));
    }
}
