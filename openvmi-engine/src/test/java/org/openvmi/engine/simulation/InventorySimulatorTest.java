package org.openvmi.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.openvmi.engine.policy.OrderRounding;
import org.openvmi.engine.policy.ReplenishmentPolicy;

class InventorySimulatorTest {

    private static PolicySource orderUpTo(double level) {
        return PolicySource.fixed(new ReplenishmentPolicy.OrderUpTo(level));
    }

    @Test
    void constant_demand_with_enough_stock_is_always_filled() {
        // demand 5 every period, level 10, no lead time: stock opens at 10, closes at 5, is topped up to 10 again
        double[] demand = {5, 5, 5, 5, 5, 5};
        SimulationResult r =
                new InventorySimulator(0, ShortageMode.LOST_SALES, OrderRounding.NONE).run(demand, 2, orderUpTo(10));
        assertThat(r.periods()).isEqualTo(4);
        assertThat(r.fillRate()).isEqualTo(1.0);
        assertThat(r.cycleServiceLevel()).isEqualTo(1.0);
        assertThat(r.stockoutPeriods()).isZero();
        assertThat(r.averageOnHand()).isEqualTo(10);
        assertThat(r.averageClosingOnHand()).isEqualTo(5);
        // turnover: 10 on hand / 5 a period = 2 periods
        assertThat(r.turnoverPeriods()).isEqualTo(2);
        // starts full (10): no order in the first period, then 5 a period to refill
        assertThat(r.ordersPlaced()).isEqualTo(3);
        assertThat(r.orderedPerPeriod()).containsExactly(0, 5, 5, 5);
    }

    @Test
    void lead_time_delays_receipts_exactly_l_periods() {
        // L = 2, level 30, demand 10 a period, start with 30 on hand and nothing on order.
        // t0: position 30 -> no order; opening 30, closing 20
        // t1: position 20 -> order 10 (arrives t3); opening 20, closing 10
        // t2: position 10 + 10 = 20 -> order 10 (arrives t4); opening 10, closing 0
        // t3: receive 10; position 10 + 10 = 20 -> order 10 (arrives t5); opening 10, closing 0
        // t4: receive 10 -> opening 10 ... the same from now on
        double[] demand = {10, 10, 10, 10, 10, 10};
        SimulationResult r =
                new InventorySimulator(2, ShortageMode.LOST_SALES, OrderRounding.NONE).run(demand, 0, orderUpTo(30));
        assertThat(r.orderedPerPeriod()).containsExactly(0, 10, 10, 10, 10, 10);
        assertThat(r.openingOnHand()).containsExactly(30, 20, 10, 10, 10, 10);
        assertThat(r.fillRate()).isEqualTo(1.0);
    }

    @Test
    void a_policy_that_never_receives_in_time_serves_only_its_opening_stock() {
        // L = 3 but only 4 periods are simulated with level 6 and demand 4 a period, lost sales:
        // t0: opening 6, serve 4, closing 2; t1: order 4 (arrives t4, after the end), serve 2 of 4, closing 0
        // t2: position 0 + 4 on order -> order 2 (arrives t5); t3: position 6 -> no order; nothing on hand, serve 0
        // served 4 + 2 + 0 + 0 = 6 of 16 -> fill 0.375; stockouts in t1, t2, t3 -> cycle service 1/4
        double[] demand = {4, 4, 4, 4};
        SimulationResult r =
                new InventorySimulator(3, ShortageMode.LOST_SALES, OrderRounding.NONE).run(demand, 0, orderUpTo(6));
        assertThat(r.served()).isEqualTo(6);
        assertThat(r.fillRate()).isCloseTo(0.375, within(1e-12));
        assertThat(r.stockoutPeriods()).isEqualTo(3);
        assertThat(r.cycleServiceLevel()).isEqualTo(0.25);
        assertThat(r.orderedPerPeriod()).containsExactly(0, 4, 2, 0);
    }

    @Test
    void backorders_are_served_first_from_the_next_receipt_and_count_as_unfilled() {
        // L = 0, level 5, demand 8 then 2, backorders: t0 opening 5, serve 5 of 8, backlog 3
        // t1: position 0 - 3 = -3 -> order 8, on hand 8; backlog 3 first, 5 left, serve the 2 of t1 -> closing 3
        // filled immediately: 5 + 2 = 7 of 10
        double[] demand = {8, 2};
        SimulationResult r =
                new InventorySimulator(0, ShortageMode.BACKORDERS, OrderRounding.NONE).run(demand, 0, orderUpTo(5));
        assertThat(r.orderedPerPeriod()).containsExactly(0, 8);
        assertThat(r.fillRate()).isCloseTo(0.7, within(1e-12));
        assertThat(r.averageClosingOnHand()).isCloseTo((0 + 3) / 2.0, within(1e-12));
        // the same with lost sales: t1 position 0 -> order 5, serve 2 -> 7 of 10 too, but closing 3 and order 5
        SimulationResult lost =
                new InventorySimulator(0, ShortageMode.LOST_SALES, OrderRounding.NONE).run(demand, 0, orderUpTo(5));
        assertThat(lost.orderedPerPeriod()).containsExactly(0, 5);
        assertThat(lost.fillRate()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void the_policy_sees_only_the_demand_before_its_period_and_orders_are_rounded() {
        // level = last observed demand + 0.5, rounded up to whole units by a pack of 1
        double[] demand = {3, 1, 4, 1};
        PolicySource lastPlusHalf = observed -> new ReplenishmentPolicy.OrderUpTo(observed[observed.length - 1] + 0.5);
        SimulationResult r = new InventorySimulator(
                        0,
                        ShortageMode.LOST_SALES,
                        new OrderRounding(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE))
                .run(demand, 1, lastPlusHalf);
        // t1: level 3.5, start full: round(3.5) = 4 on hand, serve 1, closing 3
        // t2: level 1.5 < 3 -> no order, serve 3 of 4 (stockout), closing 0
        // t3: level 4.5 -> order round(4.5) = 5, serve 1, closing 4
        assertThat(r.openingOnHand()).containsExactly(4, 3, 5);
        assertThat(r.orderedPerPeriod()).containsExactly(0, 0, 5);
        assertThat(r.fillRate()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void no_demand_gives_no_fill_rate_and_unbounded_turnover() {
        SimulationResult r = new InventorySimulator(0, ShortageMode.LOST_SALES, OrderRounding.NONE)
                .run(new double[] {0, 0, 0}, 1, orderUpTo(2));
        assertThat(r.fillRate()).isNaN();
        assertThat(r.cycleServiceLevel()).isEqualTo(1.0);
        assertThat(r.turnoverPeriods()).isInfinite();
        assertThatThrownBy(() -> new InventorySimulator(0, ShortageMode.LOST_SALES, OrderRounding.NONE)
                        .run(new double[] {1}, 1, orderUpTo(1)))
                .hasMessageContaining("outside the series");
    }
}
