package org.openvmi.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LeadTimeDemandBootstrapTest {

    @Test
    void an_item_without_demand_needs_no_stock_over_the_lead_time() {
        LeadTimeDemand d = new LeadTimeDemandBootstrap(200, true, new Random(1)).simulate(new double[24], 3);
        assertThat(d.quantile(0.95)).isZero();
        assertThat(d.mean()).isZero();
    }

    @Test
    void alternating_demand_is_walked_from_the_last_period_by_the_markov_chain() {
        // 0,5,0,5,…,5: after a demand always none, after none always a demand (transition counts 0->1 and 1->0 only).
        // Last period has demand, so a lead time of 3 runs none, demand, none: total 5 in every replication.
        double[] y = {0, 5, 0, 5, 0, 5, 0, 5};
        LeadTimeDemand d = new LeadTimeDemandBootstrap(500, false, new Random(2)).simulate(y, 3);
        assertThat(d.quantile(0.01)).isEqualTo(5);
        assertThat(d.quantile(1.0)).isEqualTo(5);
    }

    @Test
    void without_jitter_the_mean_lead_time_demand_is_close_to_lead_time_times_mean_demand() {
        Random r = new Random(3);
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = r.nextDouble() < 0.3 ? 2 * (1 + r.nextInt(3)) : 0;
        }
        double perPeriod = java.util.Arrays.stream(y).average().orElseThrow();
        LeadTimeDemand d = new LeadTimeDemandBootstrap(20_000, false, new Random(4)).simulate(y, 6);
        assertThat(d.mean()).isCloseTo(6 * perPeriod, within(0.15 * 6 * perPeriod));
        assertThat(d.quantile(0.5)).isLessThanOrEqualTo(d.quantile(0.9));
        assertThat(d.quantile(0.9)).isLessThanOrEqualTo(d.quantile(0.99));
        assertThat(d.quantile(0.99)).isGreaterThan(d.mean());
    }

    @Test
    void jitter_never_produces_a_negative_size_and_the_same_seed_gives_the_same_quantiles() {
        double[] y = {0, 0, 1, 0, 0, 0, 2, 0, 1, 0, 0, 3};
        LeadTimeDemand a = new LeadTimeDemandBootstrap(1000, true, new Random(9)).simulate(y, 4);
        LeadTimeDemand b = new LeadTimeDemandBootstrap(1000, true, new Random(9)).simulate(y, 4);
        assertThat(a.quantile(0.01)).isGreaterThanOrEqualTo(0);
        assertThat(a.quantile(0.95)).isEqualTo(b.quantile(0.95));
        assertThat(a.mean()).isEqualTo(b.mean());
    }

    @Test
    void a_probability_outside_zero_to_one_is_refused() {
        LeadTimeDemand d = new LeadTimeDemandBootstrap(10, false, new Random(1)).simulate(new double[] {1, 0, 2}, 2);
        assertThatThrownBy(() -> d.quantile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
