package org.openvmi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The scale and rounding rules of the one Money and the one Quantity (ADR 0052). */
class MoneyAndQuantityTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void money_of_a_line_is_exact_to_four_decimals_rounded_half_up() {
        assertThat(Money.of(d("3"), d("0.33335"), "CNY").amount().toPlainString())
                .isEqualTo("1.0001");
        assertThat(Money.of(d("12"), d("2.95"), "CNY").amount().toPlainString()).isEqualTo("35.4000");
        assertThat(Money.of(d("1"), d("0.00005"), "CNY").amount().toPlainString())
                .isEqualTo("0.0001");
    }

    @Test
    void a_settled_line_is_rounded_once_to_the_cent_and_settled_lines_add_without_rounding_again() {
        Money a = Money.settled(d("3"), d("0.335"), "CNY");
        Money b = Money.settled(d("1"), d("0.125"), "CNY");
        assertThat(a.amount().toPlainString()).isEqualTo("1.01");
        assertThat(b.amount().toPlainString()).isEqualTo("0.13");
        assertThat(Money.zero("CNY").plus(a).plus(b).amount().toPlainString()).isEqualTo("1.14");
        // rounding the exact total instead would give 1.13: the rule is per line
        assertThat(Money.of(d("3"), d("0.335"), "CNY")
                        .plus(Money.of(d("1"), d("0.125"), "CNY"))
                        .settle()
                        .amount()
                        .toPlainString())
                .isEqualTo("1.13");
    }

    @Test
    void money_keeps_at_most_four_decimals_and_the_scale_it_was_given_below_that() {
        assertThat(new Money(d("1.23456"), "USD").amount().toPlainString()).isEqualTo("1.2346");
        assertThat(new Money(d("-1.23455"), "USD").amount().toPlainString()).isEqualTo("-1.2346");
        assertThat(new Money(d("7.5"), "USD").amount().toPlainString()).isEqualTo("7.5");
        assertThat(Money.zero("USD").plus(new Money(d("0.10"), "USD")).amount().toPlainString())
                .isEqualTo("0.10");
        assertThat(new Money(d("1200.0000"), "CNY")).hasToString("1200 CNY");
    }

    @Test
    void money_refuses_to_add_another_currency_or_a_missing_one() {
        assertThatThrownBy(() -> Money.zero("CNY").plus(Money.zero("USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(null, "CNY")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_quantity_has_at_most_four_decimals_and_is_never_rounded_silently() {
        assertThat(Quantity.of("2.5000")).isEqualTo(Quantity.of("2.5")).hasToString("2.5");
        assertThat(Quantity.of("100.0000")).hasToString("100");
        assertThat(Quantity.of("0.0001").plus(Quantity.of("1.9999"))).isEqualTo(Quantity.of("2"));
        assertThat(Quantity.of("1").minus(Quantity.of("1.5")).signum()).isNegative();
        assertThatThrownBy(() -> Quantity.of("0.00001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 4 decimals");
    }

    @Test
    void a_quantity_times_a_factor_rounds_half_up_to_four_decimals() {
        assertThat(Quantity.of("10").times(d("0.333333"))).isEqualTo(Quantity.of("3.3333"));
        assertThat(Quantity.of("1").times(d("0.00005"))).isEqualTo(Quantity.of("0.0001"));
        assertThat(Quantity.of("3").at(d("0.335"), "CNY")).isEqualTo(Money.of(d("3"), d("0.335"), "CNY"));
    }

    @Test
    void a_quantity_fits_a_unit_with_enough_decimals_and_rounds_up_to_whole_packs() {
        assertThat(Quantity.of("3.000").fits(0)).isTrue();
        assertThat(Quantity.of("3.25").fits(0)).isFalse();
        assertThat(Quantity.of("3.25").fits(3)).isTrue();
        assertThat(Quantity.of("101").roundUpTo(d("25"))).isEqualTo(Quantity.of("125"));
        assertThat(Quantity.of("100").roundUpTo(d("25"))).isEqualTo(Quantity.of("100"));
        assertThat(Quantity.of("0.7").roundUpTo(d("0.25"))).isEqualTo(Quantity.of("0.75"));
        assertThatThrownBy(() -> Quantity.of("1").roundUpTo(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Quantity.of("2").compareTo(Quantity.of("2.0"))).isZero();
    }
}
