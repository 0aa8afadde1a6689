package org.openvmi.engine.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openvmi.engine.policy.FillObjective;
import org.openvmi.engine.policy.FillRateAllocation;
import org.openvmi.engine.policy.UnitDemand;

/** Written with JUnit's own assertions (this suite also runs where AssertJ is not available). */
class SimulationPoliciesTest {

    // an intermittent part: demand in 8 of 24 months, 1 to 4 units
    private final double[] history = {0, 2, 0, 0, 1, 0, 3, 0, 0, 0, 4, 0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 3, 0};
    private final SimulationPolicies policies = new SimulationPolicies(1, 0.95, 12);

    private double level(SimulationPolicies p, double lambda) {
        return p.series(50, new Random(1))
                .system(lambda, true)
                .policyFor(history)
                .wanted(0);
    }

    @Test
    void the_system_level_is_the_allocation_of_the_smoothed_bootstrap_over_lead_time_and_review() {
        UnitDemand demand = UnitDemand.smoothedBootstrap(history, 2);
        assertEquals(FillRateAllocation.level(demand, demand.mean() / 2, 50, 1e-3), level(policies, 1e-3));
    }

    @Test
    void valuing_the_total_stocks_more_of_a_part_faster_than_the_average_and_less_of_a_slower_one() {
        double meanOfItems = level(policies, 1e-3);
        // this part's demand, 0.71 a month, against an average part of 0.1 a month: worth more with the total
        double fast = level(policies.valuing(new FillObjective(0.8, 0.1)), 1e-3);
        // ... and against an average part of 10 a month: worth less
        double slow = level(policies.valuing(new FillObjective(0.8, 10)), 1e-3);
        assertTrue(fast > meanOfItems, fast + " should exceed " + meanOfItems);
        assertTrue(slow < meanOfItems, slow + " should be under " + meanOfItems);
    }
}
