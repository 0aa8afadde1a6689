package org.openvmi.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.Money;

/** The plain rules of procurement: routing, rounding, supplier choice, tolerance, three-way match. */
class ProcurementModelTest {

    static final long WH = 7;

    static ApprovalRule rule(
            long id,
            int priority,
            String min,
            String max,
            String category,
            Long warehouse,
            String urgent,
            String... approvers) {
        return new ApprovalRule(
                id,
                "r" + id,
                priority,
                category,
                warehouse,
                new BigDecimal(min),
                max == null ? null : new BigDecimal(max),
                "CNY",
                List.of(approvers),
                urgent,
                true);
    }

    static Money cny(String amount) {
        return new Money(new BigDecimal(amount), "CNY");
    }

    final List<ApprovalRule> table = List.of(
            rule(1, 10, "0", "1000", null, WH, null, "buyer"),
            rule(2, 10, "1000", "5000", null, WH, null, "buyer", "finance"),
            rule(3, 10, "5000", null, null, WH, "boss", "buyer", "finance", "boss"),
            rule(4, 5, "0", null, "chemicals", WH, null, "safety", "buyer"),
            rule(5, 1000, "0", null, null, null, null, "role:ADMIN"));

    List<String> steps(String amount, Set<String> categories, long warehouse, boolean urgent) {
        return ApprovalPolicy.route(table, cny(amount), categories, warehouse, urgent)
                .orElseThrow()
                .steps();
    }

    @Test
    void the_number_of_steps_follows_the_amount_thresholds_lower_bound_inclusive_upper_exclusive() {
        assertThat(steps("0", Set.of(), WH, false)).containsExactly("buyer");
        assertThat(steps("999.99", Set.of(), WH, false)).containsExactly("buyer");
        assertThat(steps("1000", Set.of(), WH, false)).containsExactly("buyer", "finance");
        assertThat(steps("4999.9999", Set.of(), WH, false)).containsExactly("buyer", "finance");
        assertThat(steps("5000", Set.of(), WH, false)).containsExactly("buyer", "finance", "boss");
        assertThat(steps("1000000", Set.of(), WH, false)).containsExactly("buyer", "finance", "boss");
    }

    @Test
    void a_category_rule_with_a_lower_priority_number_wins_and_other_warehouses_fall_to_the_default() {
        assertThat(steps("6000", Set.of("chemicals", "bearings"), WH, false)).containsExactly("safety", "buyer");
        assertThat(steps("6000", Set.of("bearings"), 99, false)).containsExactly("role:ADMIN");
    }

    @Test
    void urgent_takes_one_approver_the_urgent_one_or_else_the_first_step() {
        ApprovalRoute route =
                ApprovalPolicy.route(table, cny("6000"), Set.of(), WH, true).orElseThrow();
        assertThat(route.steps()).containsExactly("boss");
        assertThat(route.urgentPath()).isTrue();
        assertThat(steps("1500", Set.of(), WH, true)).containsExactly("buyer");
    }

    @Test
    void no_rule_for_another_currency_and_approvers_by_role() {
        assertThat(ApprovalPolicy.route(table, new Money(BigDecimal.ONE, "USD"), Set.of(), WH, false))
                .isEmpty();
        assertThat(ApprovalPolicy.mayAct("role:FINANCE", "t-finance", Set.of("FINANCE")))
                .isTrue();
        assertThat(ApprovalPolicy.mayAct("role:FINANCE", "t-buyer", Set.of("BUYER")))
                .isFalse();
        assertThat(ApprovalPolicy.mayAct("t-buyer", "t-buyer", Set.of())).isTrue();
    }

    @Test
    void order_quantity_is_at_least_the_moq_then_whole_packs() {
        assertThat(OrderQuantity.round(new BigDecimal("480"), new BigDecimal("100"), new BigDecimal("50")))
                .isEqualByComparingTo("500");
        assertThat(OrderQuantity.round(new BigDecimal("30"), new BigDecimal("100"), new BigDecimal("50")))
                .isEqualByComparingTo("100");
        assertThat(OrderQuantity.round(new BigDecimal("101"), new BigDecimal("100"), new BigDecimal("50")))
                .isEqualByComparingTo("150");
        assertThat(OrderQuantity.round(new BigDecimal("7"), BigDecimal.ONE, BigDecimal.ONE))
                .isEqualByComparingTo("7");
    }

    static SourceOption source(long id, boolean primary, String price, String available) {
        return new SourceOption(
                id,
                "S" + id,
                new BigDecimal(price),
                "CNY",
                BigDecimal.ONE,
                BigDecimal.ONE,
                5,
                primary,
                available == null ? null : new BigDecimal(available));
    }

    @Test
    void the_primary_supplies_unless_its_reported_stock_is_short_and_a_backup_has_enough() {
        BigDecimal qty = new BigDecimal("100");
        assertThat(SupplierChoice.choose(List.of(source(2, false, "1", null), source(1, true, "2", null)), qty)
                        .orElseThrow()
                        .source()
                        .supplierId())
                .isEqualTo(1);
        var backup = SupplierChoice.choose(
                        List.of(
                                source(1, true, "2", "40"),
                                source(2, false, "3", "500"),
                                source(3, false, "2.5", "10")),
                        qty)
                .orElseThrow();
        assertThat(backup.source().supplierId()).isEqualTo(2);
        assertThat(backup.reason()).contains("backup");
        assertThat(SupplierChoice.choose(List.of(source(1, true, "2", "40"), source(2, false, "3", "50")), qty)
                        .orElseThrow()
                        .source()
                        .supplierId())
                .isEqualTo(1);
        assertThat(SupplierChoice.choose(List.of(), qty)).isEmpty();
    }

    @Test
    void receipts_may_reach_the_over_tolerance_and_complete_within_the_under_tolerance() {
        ReceiptTolerance t = new ReceiptTolerance(new BigDecimal("5"), new BigDecimal("2"));
        assertThat(t.refusal(new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("5")))
                .isNull();
        assertThat(t.refusal(new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("5.01")))
                .contains("at most 105");
        assertThat(t.complete(new BigDecimal("100"), new BigDecimal("98"))).isTrue();
        assertThat(t.complete(new BigDecimal("100"), new BigDecimal("97.99"))).isFalse();
    }

    @Test
    void three_way_match_results() {
        BigDecimal two = new BigDecimal("2");
        assertThat(ThreeWayMatch.line(
                                two,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.TEN,
                                two,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)
                        .status())
                .isEqualTo(MatchStatus.NOT_RECEIVED);
        assertThat(ThreeWayMatch.line(
                                two,
                                BigDecimal.TEN,
                                BigDecimal.ZERO,
                                BigDecimal.TEN,
                                two,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)
                        .status())
                .isEqualTo(MatchStatus.MATCHED);
        assertThat(ThreeWayMatch.line(
                                two,
                                BigDecimal.TEN,
                                new BigDecimal("5"),
                                new BigDecimal("6"),
                                two,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)
                        .status())
                .isEqualTo(MatchStatus.QUANTITY_VARIANCE);
        assertThat(ThreeWayMatch.line(
                                two,
                                BigDecimal.TEN,
                                BigDecimal.ZERO,
                                BigDecimal.TEN,
                                new BigDecimal("2.04"),
                                new BigDecimal("2"),
                                BigDecimal.ZERO)
                        .status())
                .isEqualTo(MatchStatus.MATCHED);
        assertThat(ThreeWayMatch.line(
                                two,
                                BigDecimal.TEN,
                                BigDecimal.ZERO,
                                BigDecimal.TEN,
                                new BigDecimal("2.05"),
                                new BigDecimal("2"),
                                BigDecimal.ZERO)
                        .status())
                .isEqualTo(MatchStatus.PRICE_VARIANCE);
        assertThat(MatchStatus.MATCHED.worse(MatchStatus.PRICE_VARIANCE)).isEqualTo(MatchStatus.PRICE_VARIANCE);
        assertThat(MatchStatus.NOT_RECEIVED.worse(MatchStatus.PRICE_VARIANCE)).isEqualTo(MatchStatus.NOT_RECEIVED);
    }
}
