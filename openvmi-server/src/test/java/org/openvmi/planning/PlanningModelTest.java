package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.planning.model.LeadTimeStats;
import org.openvmi.planning.model.Plan;
import org.openvmi.planning.model.PlanCalculator;
import org.openvmi.planning.model.PlanInput;
import org.openvmi.planning.model.Proposal;
import org.openvmi.planning.model.Replenishment;
import org.openvmi.planning.model.SuggestionType;
import org.openvmi.planning.model.WeeklySeries;

/** The plain-Java planning rules: weekly folding with stockouts, stock lines, and which suggestion is made. */
class PlanningModelTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-01-05");

    @Test
    void a_week_with_stockout_days_is_scaled_to_its_days_in_stock_and_a_week_out_of_stock_takes_the_mean() {
        WeeklySeries s = new WeeklySeries(MONDAY, 3);
        for (int d = 0; d < 7; d++) {
            s.add(MONDAY.plusDays(d), 2, false); // week 0: 14
        }
        for (int d = 7; d < 14; d++) {
            s.add(MONDAY.plusDays(d), d < 10 ? 3 : 0, d >= 10); // week 1: 9 in 3 days in stock, 4 stockout days
        }
        for (int d = 14; d < 21; d++) {
            s.add(MONDAY.plusDays(d), 0, true); // week 2: out of stock all week
        }
        s.add(MONDAY.minusDays(1), 100, false); // outside the window: ignored
        double[] w = s.imputed();
        assertThat(w[0]).isEqualTo(14.0);
        assertThat(w[1]).isEqualTo(21.0);
        assertThat(w[2]).isEqualTo(17.5);
        assertThat(s.stockoutWeeks()).isEqualTo(2);
    }

    @Test
    void a_day_with_demand_is_never_a_stockout_day_even_when_marked() {
        WeeklySeries s = new WeeklySeries(MONDAY, 1);
        s.add(MONDAY, 7, true);
        assertThat(s.imputed()[0]).isEqualTo(7.0);
        assertThat(s.stockoutWeeks()).isZero();
    }

    private static Plan plan(long warehouse, String onHand, double perWeek, PlanInput.Source source, boolean vmi) {
        double[] weekly = new double[52];
        java.util.Arrays.fill(weekly, perWeek);
        return new PlanCalculator()
                .plan(new PlanInput(
                        1,
                        warehouse,
                        weekly,
                        0,
                        LeadTimeStats.sourceList(14),
                        0.95,
                        28,
                        new BigDecimal(onHand),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal(onHand),
                        source,
                        vmi,
                        null));
    }

    @Test
    void constant_demand_gives_lines_from_lead_time_and_review_period_without_safety_stock() {
        Plan p = plan(1, "5", 10, null, false);
        assertThat(p.meanPerWeek()).isCloseTo(10, within(1e-9));
        assertThat(p.safety()).isEqualByComparingTo("0");
        assertThat(p.reorderPoint()).isEqualByComparingTo("20");
        assertThat(p.orderUpTo()).isEqualByComparingTo("30");
        assertThat(p.forecastOverHorizon()).isEqualByComparingTo("40");
    }

    @Test
    void below_the_reorder_point_a_purchase_is_rounded_up_to_moq_and_whole_packs() {
        var source = new PlanInput.Source(7, new BigDecimal("40"), new BigDecimal("12"));
        List<Proposal> p = Replenishment.propose(List.of(plan(1, "5", 10, source, false)));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).type()).isEqualTo(SuggestionType.PURCHASE);
        assertThat(p.get(0).neededQty()).isEqualByComparingTo("25");
        assertThat(p.get(0).qty()).isEqualByComparingTo("48"); // MOQ 40 → 4 packs of 12
        assertThat(p.get(0).supplierId()).isEqualTo(7L);
    }

    @Test
    void above_the_reorder_point_nothing_is_suggested_and_a_vmi_item_is_replenished_by_its_supplier() {
        assertThat(Replenishment.propose(List.of(plan(1, "21", 10, null, false))))
                .isEmpty();
        var source = new PlanInput.Source(7, BigDecimal.ONE, BigDecimal.ONE);
        List<Proposal> vmi = Replenishment.propose(List.of(plan(1, "20", 10, source, true)));
        assertThat(vmi).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(SuggestionType.VMI_REPLENISHMENT);
            assertThat(p.qty()).isEqualByComparingTo("10");
        });
    }

    @Test
    void excess_of_another_warehouse_is_moved_first_and_only_the_rest_is_bought() {
        var source = new PlanInput.Source(7, BigDecimal.ONE, BigDecimal.ONE);
        Plan needy = plan(1, "0", 10, source, false); // needs 30
        Plan rich = plan(2, "42", 10, source, false); // max 30: 12 spare
        List<Proposal> p = Replenishment.propose(List.of(needy, rich));
        assertThat(p).hasSize(2);
        assertThat(p.get(0).type()).isEqualTo(SuggestionType.TRANSFER);
        assertThat(p.get(0).fromWarehouseId()).isEqualTo(2L);
        assertThat(p.get(0).qty()).isEqualByComparingTo("12");
        assertThat(p.get(1).type()).isEqualTo(SuggestionType.PURCHASE);
        assertThat(p.get(1).qty()).isEqualByComparingTo("18");
    }

    @Test
    void with_greedy_transfers_retired_the_whole_need_is_bought_and_transfers_are_left_to_plans() {
        var source = new PlanInput.Source(7, BigDecimal.ONE, BigDecimal.ONE);
        Plan needy = plan(1, "0", 10, source, false); // needs 30
        Plan rich = plan(2, "42", 10, source, false); // 12 spare, which only a transfer plan would move now
        List<Proposal> p = Replenishment.propose(List.of(needy, rich), false);
        assertThat(p).singleElement().satisfies(only -> {
            assertThat(only.type()).isEqualTo(SuggestionType.PURCHASE);
            assertThat(only.qty()).isEqualByComparingTo("30");
        });
    }
}
