package org.openvmi.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Written with JUnit's own assertions (this suite also runs where AssertJ is not available). */
class FillObjectiveTest {

    // demand 0 (0.5), 1 (0.3), 2 (0.2): mean 0.7; P(D > 0) = 0.5, P(D > 1) = 0.2, P(D > 2) = 0
    private final UnitDemand demand = UnitDemand.of(0.5, 0.3, 0.2);

    @Test
    void the_mean_of_items_alone_keeps_the_levels_of_adr_0007() {
        // bar = lambda * c * mu = 0.05 * 10 * 0.7 = 0.35: the first unit (0.5) yes, the second (0.2) no
        assertEquals(1, FillRateAllocation.level(demand, 0.7, 10, 0.05, FillObjective.meanOfItems()));
        assertEquals(
                FillRateAllocation.level(demand, 0.7, 10, 0.05),
                FillRateAllocation.level(demand, 0.7, 10, 0.05, new FillObjective(0, 123)));
    }

    @Test
    void a_share_of_the_total_stocks_more_of_items_faster_than_the_average_and_less_of_slower_ones() {
        // fast item (average demand 0.2 < 0.7): weight 0.5/0.7 + 0.5/0.2 = 3.214, bar = 0.5/3.214 = 0.156 -> the
        // second unit (0.2) is worth it now: level 2
        assertEquals(2, FillRateAllocation.level(demand, 0.7, 10, 0.05, new FillObjective(0.5, 0.2)));
        // slow item (average demand 7 > 0.7): weight 0.5/0.7 + 0.5/7 = 0.786, bar = 0.636 -> not even the first
        assertEquals(0, FillRateAllocation.level(demand, 0.7, 10, 0.05, new FillObjective(0.5, 7)));
    }

    @Test
    void the_total_alone_values_a_unit_the_same_for_every_item() {
        FillObjective total = new FillObjective(1, 2);
        assertEquals(0.5, total.weight(0.1), 1e-15);
        assertEquals(0.5, total.weight(50), 1e-15);
        assertEquals(1 / 0.7, FillObjective.meanOfItems().weight(0.7), 1e-15);
    }

    @Test
    void over_histories_the_average_part_demands_the_mean_of_their_means() {
        // means 1 and 3 a period -> 2; histories without any demand fall back to 1 (no part has a speed then)
        FillObjective o = FillObjective.overHistories(0.8, List.of(new double[] {0, 2}, new double[] {3, 3}));
        assertEquals(2, o.meanDemandPerItem(), 1e-15);
        assertEquals(0.8, o.totalShare(), 0);
        assertEquals(
                1,
                FillObjective.overHistories(0.8, List.of(new double[] {0, 0})).meanDemandPerItem(),
                0);
    }

    @Test
    void refuses_a_share_outside_zero_to_one_and_a_mean_demand_of_zero() {
        assertThrows(IllegalArgumentException.class, () -> new FillObjective(-0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FillObjective(1.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FillObjective(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FillObjective(Double.NaN, 1));
    }
}
