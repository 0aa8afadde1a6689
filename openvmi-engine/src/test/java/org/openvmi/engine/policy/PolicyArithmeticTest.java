package org.openvmi.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openvmi.engine.forecast.LeadTimeDemand;

class PolicyArithmeticTest {

    private final StockLevelCalculator calculator = new StockLevelCalculator();

    @Test
    void normal_distribution_functions_match_the_tables() {
        assertThat(Normal.inverse(0.95)).isCloseTo(1.644854, within(1e-5));
        assertThat(Normal.inverse(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Normal.inverse(0.01)).isCloseTo(-2.326348, within(1e-5));
        assertThat(Normal.cdf(1.96)).isCloseTo(0.975002, within(1e-5));
        assertThat(Normal.loss(0)).isCloseTo(0.398942, within(1e-5));
        assertThat(Normal.loss(1)).isCloseTo(0.083315, within(1e-5));
    }

    @Test
    void cycle_service_level_sets_safety_stock_by_z_sigma_over_lead_time_plus_review() {
        // mu 10, sigma 2, L 4, R 1: P = 5, sigma_P = 2*sqrt(5) = 4.47214, z(0.95) = 1.64485 -> SS = 7.35591
        StockLevels s = calculator.levels(
                DemandOutlook.normal(10, 2), LeadTime.fixed(4), 1, ServiceTarget.cycleServiceLevel(0.95), 0);
        assertThat(s.safety()).isCloseTo(7.35591, within(1e-4));
        assertThat(s.reorderPoint()).isCloseTo(40 + 7.35591, within(1e-4));
        assertThat(s.orderUpTo()).isCloseTo(50 + 7.35591, within(1e-4));
        assertThat(s.method()).isEqualTo("normal");
    }

    @Test
    void lead_time_variability_widens_the_protection_deviation() {
        // sigma_P = sqrt(5 * 2^2 + 10^2 * 1^2) = sqrt(120) = 10.95445
        StockLevels s = calculator.levels(
                DemandOutlook.normal(10, 2), new LeadTime(4, 1), 1, ServiceTarget.cycleServiceLevel(0.95), 0);
        assertThat(s.protectionSd()).isCloseTo(10.95445, within(1e-4));
        assertThat(s.safety()).isCloseTo(1.644854 * 10.95445, within(1e-3));
    }

    @Test
    void fill_rate_target_allows_the_expected_shortage_of_one_minus_beta_of_a_cycles_demand() {
        // allowed shortage per cycle = 0.05 * 10 * 1 = 0.5 units; sigma_P = 4.47214 -> G(z) = 0.111803
        StockLevels s =
                calculator.levels(DemandOutlook.normal(10, 2), LeadTime.fixed(4), 1, ServiceTarget.fillRate(0.95), 0);
        assertThat(Normal.loss(s.z()) * s.protectionSd()).isCloseTo(0.5, within(1e-6));
        assertThat(s.z()).isBetween(0.83, 0.85);
    }

    @Test
    void economic_order_quantity_raises_the_max_line_when_larger_than_the_review_cycle() {
        // EOQ = sqrt(2 * 1200 * 50 / (0.25 * 12)) = sqrt(40000) = 200
        double eoq = EconomicOrderQuantity.of(1200, 50, 0.25, 12);
        assertThat(eoq).isCloseTo(200, within(1e-9));
        StockLevels s = calculator.levels(
                DemandOutlook.normal(10, 2), LeadTime.fixed(4), 1, ServiceTarget.cycleServiceLevel(0.95), eoq);
        assertThat(s.orderUpTo()).isCloseTo(s.reorderPoint() + 200, within(1e-9));
        assertThat(EconomicOrderQuantity.of(1200, 0, 0.25, 12)).isZero();
    }

    @Test
    void empirical_distribution_sets_the_level_at_its_quantile() {
        // 20 replications 1..20 over P = ceil(2 + 1) = 3 periods: 95 % quantile = 19, mean 10.5 -> SS 8.5
        double[] totals = new double[20];
        for (int i = 0; i < 20; i++) {
            totals[i] = i + 1;
        }
        int[] askedPeriods = new int[1];
        DemandOutlook outlook = DemandOutlook.empirical(3.5, 2, periods -> {
            askedPeriods[0] = periods;
            return LeadTimeDemand.of(totals);
        });
        StockLevels s = calculator.levels(outlook, LeadTime.fixed(2), 1, ServiceTarget.cycleServiceLevel(0.95), 0);
        assertThat(askedPeriods[0]).isEqualTo(3);
        assertThat(s.safety()).isCloseTo(8.5, within(1e-9));
        assertThat(s.reorderPoint()).isCloseTo(7 + 8.5, within(1e-9));
        assertThat(s.orderUpTo()).isCloseTo(10.5 + 8.5, within(1e-9));
        assertThat(s.method()).isEqualTo("empirical");
    }

    @Test
    void empirical_fill_rate_level_keeps_the_expected_shortage_within_the_allowance() {
        double[] totals = {0, 0, 0, 0, 0, 0, 0, 0, 10, 20};
        DemandOutlook outlook = DemandOutlook.empirical(1, 3, periods -> LeadTimeDemand.of(totals));
        // allowed = 0.1 * 1 * 1 = 0.1 -> E[(X - S)+] = ((10 - S) + (20 - S)) / 10 for S < 10 and (20 - S) / 10 above:
        // (20 - S) / 10 = 0.1 at S = 19
        StockLevels s = calculator.levels(outlook, LeadTime.fixed(1), 1, ServiceTarget.fillRate(0.9), 0);
        assertThat(s.safety()).isCloseTo(19 - 3, within(1e-6));
    }

    @Test
    void no_demand_needs_no_lines() {
        StockLevels s = calculator.levels(
                DemandOutlook.normal(0, 0), LeadTime.fixed(5), 1, ServiceTarget.cycleServiceLevel(0.95), 0);
        assertThat(s.safety()).isZero();
        assertThat(s.orderUpTo()).isZero();
    }

    @Test
    void rounding_meets_the_minimum_order_in_whole_packs() {
        OrderRounding r = new OrderRounding(new BigDecimal("50"), new BigDecimal("12"));
        assertThat(r.round(7)).isEqualByComparingTo("60");
        assertThat(r.round(61)).isEqualByComparingTo("72");
        assertThat(r.round(72)).isEqualByComparingTo("72");
        assertThat(r.round(0)).isEqualByComparingTo("0");
        assertThat(r.round(-3)).isEqualByComparingTo("0");
        assertThat(new OrderRounding(BigDecimal.ZERO, new BigDecimal("0.5")).round(1.2))
                .isEqualByComparingTo("1.5");
        assertThatThrownBy(() -> new OrderRounding(BigDecimal.ONE, BigDecimal.ZERO))
                .hasMessageContaining("pack size");
    }

    @Test
    void policies_order_when_the_position_reaches_their_trigger() {
        ReplenishmentPolicy rop = new ReplenishmentPolicy.ReorderPoint(20, 30);
        assertThat(rop.wanted(25)).isZero();
        assertThat(rop.wanted(20)).isEqualTo(30);
        assertThat(rop.wanted(-15)).isEqualTo(60); // floor(35/30 + 1) = 2 lots, position ends at 45 > 20
        ReplenishmentPolicy out = new ReplenishmentPolicy.OrderUpTo(100);
        assertThat(out.wanted(64)).isEqualTo(36);
        assertThat(out.wanted(120)).isZero();
        ReplenishmentPolicy minMax = new ReplenishmentPolicy.MinMax(30, 100);
        assertThat(minMax.wanted(31)).isZero();
        assertThat(minMax.wanted(30)).isEqualTo(70);
        assertThat(minMax.order(29.5, new OrderRounding(BigDecimal.ZERO, BigDecimal.TEN)))
                .isEqualByComparingTo("80");
        assertThatThrownBy(() -> new ReplenishmentPolicy.MinMax(10, 5)).hasMessageContaining("below min");
        assertThatThrownBy(() -> ServiceTarget.cycleServiceLevel(1.0)).hasMessageContaining("(0.5, 1)");
    }
}
