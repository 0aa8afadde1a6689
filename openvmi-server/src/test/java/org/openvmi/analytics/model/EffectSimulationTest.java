package org.openvmi.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openvmi.engine.policy.ReplenishmentPolicy;
import org.openvmi.engine.simulation.SimulationResult;

/** Constant demand of 10 a week, lead time one week: the figures of both policies follow by hand. */
class EffectSimulationTest {

    private static double[] constant(int weeks) {
        double[] d = new double[weeks];
        Arrays.fill(d, 10);
        return d;
    }

    @Test
    void fourWeeksOfCoverKeepsThreeWeeksOnHandAfterTheFirst() {
        double[] weekly = constant(26 + 10);
        ReplenishmentPolicy cover = EffectSimulation.weeksOfCover(weekly, 26, 4);
        assertThat(cover).isEqualTo(new ReplenishmentPolicy.OrderUpTo(40));

        SimulationResult a =
                new EffectSimulation(1, 0.95).run(weekly, 26, cover, 1).baseline();

        // week 1 opens with the 40 it starts with; every later week with 30 (40 − 10 sold, the week's 10 on order)
        assertThat(a.averageOnHand()).isCloseTo((40 + 9 * 30) / 10.0, within(1e-9));
        assertThat(a.turnoverPeriods()).isCloseTo(3.1, within(1e-9));
        assertThat(a.fillRate()).isEqualTo(1.0);
        assertThat(a.stockoutPeriods()).isZero();
        assertThat(a.ordersPlaced()).isEqualTo(9);
    }

    @Test
    void theEngineCoversLeadTimeAndReviewOnlyWhenDemandDoesNotVary() {
        double[] weekly = constant(26 + 10);
        EffectSimulation.Outcome o =
                new EffectSimulation(1, 0.95).run(weekly, 26, new ReplenishmentPolicy.OrderUpTo(40), 1);

        // order up to 2 weeks of demand (lead time + review): 20 at the start, then 10 on hand each week
        assertThat(o.finalLevels().orderUpTo()).isCloseTo(20, within(1e-6));
        assertThat(o.engine().averageOnHand()).isCloseTo((20 + 9 * 10) / 10.0, within(1e-6));
        assertThat(o.engine().fillRate()).isEqualTo(1.0);
        assertThat(o.engine().ordersPlaced()).isEqualTo(9);
        assertThat(o.engine().averageOnHand()).isLessThan(o.baseline().averageOnHand());
    }

    @Test
    void aManualMinMaxTooLowRunsOutAndTheEngineDoesNot() {
        double[] weekly = constant(26 + 10);
        EffectSimulation.Outcome o =
                new EffectSimulation(1, 0.95).run(weekly, 26, new ReplenishmentPolicy.MinMax(5, 12), 1);

        // min 5 / max 12 against 10 a week with a week's lead time: short every week after the first
        assertThat(o.baseline().fillRate()).isLessThan(0.9);
        assertThat(o.baseline().stockoutPeriods()).isPositive();
        assertThat(o.engine().stockoutPeriods()).isZero();
    }
}
