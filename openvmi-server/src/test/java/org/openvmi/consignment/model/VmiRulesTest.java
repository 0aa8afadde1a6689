package org.openvmi.consignment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.Money;

class VmiRulesTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void replenishment_orders_up_to_max_minus_on_hand_minus_in_transit_raised_to_moq_and_rounded_up_to_packs() {
        assertThat(Replenishment.suggest(d("100"), d("400"), d("90"), d("0"), d("50"), d("100"))
                        .qty())
                .isEqualByComparingTo("350");
        assertThat(Replenishment.suggest(d("100"), d("400"), d("60"), d("300"), d("50"), d("100"))
                        .needed())
                .isFalse();
        assertThat(Replenishment.suggest(d("100"), d("400"), d("60"), d("20"), d("50"), d("100"))
                        .qty())
                .isEqualByComparingTo("350");
        // the MOQ wins over a small gap, and the MOQ is itself rounded to packs
        assertThat(Replenishment.suggest(d("10"), d("12"), d("5"), d("0"), d("25"), d("60"))
                        .qty())
                .isEqualByComparingTo("75");
        assertThat(Replenishment.suggest(d("10"), d("12"), d("5"), d("0"), d("1"), d("0"))
                        .qty())
                .isEqualByComparingTo("7");
        assertThat(Replenishment.suggest(d("100"), d("400"), d("100"), d("0"), d("50"), d("100"))
                        .reason())
                .contains("not below min");
    }

    @Test
    void money_rounds_each_line_half_up_to_the_cent_and_refuses_to_add_currencies() {
        assertThat(Money.settled(d("12"), d("2.95"), "CNY").amount()).isEqualByComparingTo("35.40");
        assertThat(Money.settled(d("3"), d("0.335"), "CNY").amount().toPlainString())
                .isEqualTo("1.01");
        assertThat(Money.settled(d("1"), d("0.125"), "CNY").amount().toPlainString())
                .isEqualTo("0.13");
        assertThat(Money.zero("CNY")
                        .plus(Money.settled(d("1"), d("1"), "CNY"))
                        .amount()
                        .toPlainString())
                .isEqualTo("1.00");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Money.zero("CNY").plus(Money.zero("USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_statement_moves_draft_issued_confirmed_or_disputed_closed_and_says_why_not_otherwise() {
        assertThat(StatementStatus.DRAFT.refusal(StatementStatus.Action.ISSUE.to(), 1))
                .isEmpty();
        assertThat(StatementStatus.ISSUED.refusal(StatementStatus.Action.CONFIRM.to(), 1))
                .isEmpty();
        assertThat(StatementStatus.ISSUED.refusal(StatementStatus.Action.DISPUTE.to(), 1))
                .isEmpty();
        assertThat(StatementStatus.CONFIRMED.refusal(StatementStatus.Action.CLOSE.to(), 1))
                .isEmpty();
        assertThat(StatementStatus.DISPUTED.refusal(StatementStatus.Action.CLOSE.to(), 1))
                .isEmpty();
        assertThat(StatementStatus.DRAFT.refusal(StatementStatus.Action.CONFIRM.to(), 7))
                .hasValueSatisfying(
                        e -> assertThat(e)
                                .hasMessage(
                                        "Statement 7 is DRAFT and cannot become CONFIRMED: only a statement that is ISSUED can"));
        assertThat(StatementStatus.CONFIRMED.refusal(StatementStatus.Action.CONFIRM.to(), 7))
                .isPresent();
        assertThat(StatementStatus.CLOSED.refusal(StatementStatus.Action.CLOSE.to(), 7))
                .isPresent();
        assertThat(StatementStatus.ISSUED.refusal(StatementStatus.Action.ISSUE.to(), 7))
                .isPresent();
    }

    @Test
    void fifo_takes_the_oldest_lot_first_and_staged_puts_the_supplier_part_first() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        List<FifoPick.Layer> layers = List.of(
                new FifoPick.Layer("S1", "B", d("5"), t.plusSeconds(60)),
                new FifoPick.Layer("OWN", "A", d("4"), t),
                new FifoPick.Layer("S1", "C", d("0"), t.minusSeconds(60)));
        assertThat(FifoPick.pick(layers, d("6"), false))
                .containsExactly(new FifoPick.Pick("OWN", "A", d("4")), new FifoPick.Pick("S1", "B", d("2")));
        assertThat(FifoPick.pick(layers, d("6"), true))
                .containsExactly(new FifoPick.Pick("S1", "B", d("5")), new FifoPick.Pick("OWN", "A", d("1")));
        assertThat(FifoPick.pick(layers, d("10"), false)).isEmpty();
        assertThat(FifoPick.available(layers)).isEqualByComparingTo("9");
    }

    @Test
    void staged_ownership_moves_what_the_buyer_owns_less_than_min_of_total_and_safety_and_never_back() {
        assertThat(StagedOwnership.toTransfer(d("100"), d("0"), d("20"))).isEqualByComparingTo("20");
        assertThat(StagedOwnership.toTransfer(d("15"), d("20"), d("20"))).isEqualByComparingTo("0");
        assertThat(StagedOwnership.toTransfer(d("30"), d("10"), d("20"))).isEqualByComparingTo("10");
        assertThat(StagedOwnership.toTransfer(d("5"), d("0"), d("20"))).isEqualByComparingTo("5");
    }

    @Test
    void an_agreement_line_with_max_below_min_is_refused_at_its_max() {
        FieldErrors errors = new FieldErrors();
        AgreementRules.line(0, d("100"), d("50"), d("2.95"), null, OwnershipMode.UNTIL_CONSUMED, errors);
        assertThat(errors.list()).extracting(FieldErrors.FieldError::field).containsExactly("lines[0].max");
        FieldErrors staged = new FieldErrors();
        AgreementRules.line(1, d("10"), d("50"), d("2.95"), null, OwnershipMode.STAGED, staged);
        assertThat(staged.list()).extracting(FieldErrors.FieldError::field).containsExactly("lines[1].safety");
    }

    @Test
    void late_hours_are_counted_to_the_hundredth_and_never_negative() {
        Instant due = Instant.parse("2026-11-03T00:00:00Z");
        assertThat(SlaClock.hoursLate(due, due.plusSeconds(2 * 3600 + 30 * 60))).isEqualByComparingTo("2.50");
        assertThat(SlaClock.hoursLate(due, due.minusSeconds(3600))).isEqualByComparingTo("0");
    }

    @Test
    void the_last_closed_period_is_the_previous_week_month_or_custom_month_ending_before_today() {
        java.time.LocalDate wed = java.time.LocalDate.parse("2026-11-25");
        assertThat(SettlementPeriods.lastClosed(SettlementCycle.WEEKLY, null, wed))
                .isEqualTo(new SettlementPeriods.Period(
                        java.time.LocalDate.parse("2026-11-16"), java.time.LocalDate.parse("2026-11-22")));
        assertThat(SettlementPeriods.lastClosed(SettlementCycle.MONTHLY, null, wed))
                .isEqualTo(new SettlementPeriods.Period(
                        java.time.LocalDate.parse("2026-10-01"), java.time.LocalDate.parse("2026-10-31")));
        assertThat(SettlementPeriods.lastClosed(SettlementCycle.CUSTOM, 26, wed))
                .isEqualTo(new SettlementPeriods.Period(
                        java.time.LocalDate.parse("2026-09-26"), java.time.LocalDate.parse("2026-10-25")));
        assertThat(SettlementPeriods.lastClosed(SettlementCycle.CUSTOM, 25, wed))
                .isEqualTo(new SettlementPeriods.Period(
                        java.time.LocalDate.parse("2026-10-25"), java.time.LocalDate.parse("2026-11-24")));
        assertThat(SettlementPeriods.lastClosed(SettlementCycle.MONTHLY, null, java.time.LocalDate.parse("2027-01-01")))
                .isEqualTo(new SettlementPeriods.Period(
                        java.time.LocalDate.parse("2026-12-01"), java.time.LocalDate.parse("2026-12-31")));
    }

    @Test
    void a_call_off_confirmed_after_shipments_covered_it_is_partly_shipped_or_shipped_at_once() {
        BigDecimal hundred = new BigDecimal("100");
        assertThat(CallOffStatus.Action.CONFIRM.to(BigDecimal.ZERO, hundred)).isEqualTo(CallOffStatus.CONFIRMED);
        assertThat(CallOffStatus.Action.CONFIRM.to(new BigDecimal("60"), hundred))
                .isEqualTo(CallOffStatus.PARTIALLY_SHIPPED);
        assertThat(CallOffStatus.Action.ACCEPT.to(new BigDecimal("110"), hundred))
                .isEqualTo(CallOffStatus.SHIPPED);
        assertThat(CallOffStatus.Action.PROPOSE.to(new BigDecimal("60"), hundred))
                .isEqualTo(CallOffStatus.PROPOSED);
        assertThat(CallOffStatus.Action.CANCEL.to(new BigDecimal("60"), hundred))
                .isEqualTo(CallOffStatus.CANCELLED);
    }
}
