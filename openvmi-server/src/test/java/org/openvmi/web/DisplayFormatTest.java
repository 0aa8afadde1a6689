package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.UnitsOfMeasure;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What the pages print for quantities, money, percentages and times, in both languages. */
class DisplayFormatTest {

    private static final Instant NOW = Instant.parse("2026-12-05T13:58:30Z");

    private final DisplayFormat fmt = format(ZoneId.of("Asia/Shanghai"), "CNY");

    private static DisplayFormat format(ZoneId zone, String currency) {
        UnitsOfMeasure units = mock(UnitsOfMeasure.class);
        when(units.decimals(any())).thenReturn(OptionalInt.empty());
        when(units.decimals("PCS")).thenReturn(OptionalInt.of(0));
        when(units.decimals("KG")).thenReturn(OptionalInt.of(3));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        DisplayProperties properties = new DisplayProperties(zone, currency);
        return new DisplayFormat(
                units, properties, messages, Clock.fixed(NOW, ZoneOffset.UTC), new UserTimeZone(null, properties));
    }

    private static void in(Locale locale) {
        LocaleContextHolder.setLocale(locale);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void pieces_are_whole_and_grouped_in_both_languages() {
        in(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.qty(new BigDecimal("1432.8"), "PCS")).isEqualTo("1,433");
        assertThat(fmt.qty(new BigDecimal("7.68"), "PCS")).isEqualTo("8");
        assertThat(fmt.qtyUnit(new BigDecimal("12000"), "PCS")).isEqualTo("12,000 PCS");
        in(Locale.ENGLISH);
        assertThat(fmt.qty(new BigDecimal("1234567"), "PCS")).isEqualTo("1,234,567");
    }

    @Test
    void kilograms_keep_three_decimals_so_columns_line_up() {
        in(Locale.ENGLISH);
        assertThat(fmt.qty(new BigDecimal("9.2"), "KG")).isEqualTo("9.200");
        assertThat(fmt.qty(new BigDecimal("6.71"), "KG")).isEqualTo("6.710");
        assertThat(fmt.qty(new BigDecimal("1432.8"), "KG")).isEqualTo("1,432.800");
    }

    @Test
    void an_unknown_unit_shows_up_to_three_decimals_without_trailing_zeros() {
        in(Locale.ENGLISH);
        assertThat(fmt.qty(new BigDecimal("16806.70"))).isEqualTo("16,806.7");
        assertThat(fmt.qty(new BigDecimal("2.12345"), "BUCKET")).isEqualTo("2.123");
        assertThat(fmt.qty(null, "PCS")).isEmpty();
    }

    @Test
    void money_has_the_yuan_sign_two_decimals_and_separators() {
        in(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.money(new BigDecimal("16806.7"), "CNY")).isEqualTo("¥16,806.70");
        assertThat(fmt.money(new BigDecimal("-3.2"))).isEqualTo("-¥3.20");
        in(Locale.ENGLISH);
        assertThat(fmt.money(new BigDecimal("1432.8"), null)).isEqualTo("¥1,432.80");
        assertThat(fmt.money(new BigDecimal("5"), "USD")).isEqualTo("$5.00");
        assertThat(format(ZoneId.of("UTC"), "EUR").money(new BigDecimal("1"))).isEqualTo("€1.00");
    }

    @Test
    void grouping_follows_the_language_of_the_page() {
        in(Locale.GERMAN);
        assertThat(fmt.qty(new BigDecimal("1432.8"), "KG")).isEqualTo("1.432,800");
        in(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.qty(new BigDecimal("1432.8"), "KG")).isEqualTo("1,432.800");
    }

    @Test
    void percentages_and_days() {
        in(Locale.ENGLISH);
        assertThat(fmt.pct(new BigDecimal("0.953"))).isEqualTo("95.3%");
        assertThat(fmt.pct(0.95)).isEqualTo("95%");
        assertThat(fmt.days(new BigDecimal("16806.7"))).isEqualTo("> 365");
        assertThat(fmt.days(new BigDecimal("7.68"))).isEqualTo("7.7");
        assertThat(fmt.days(new BigDecimal("42.4"))).isEqualTo("42");
    }

    @Test
    void hours_read_whole_above_ten_and_with_one_decimal_below_never_as_a_raw_scale() {
        in(Locale.ENGLISH);
        assertThat(fmt.hours(new BigDecimal("123.00"))).isEqualTo("123");
        assertThat(fmt.hours(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(fmt.hours(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(fmt.hours(new BigDecimal("1234.40"))).isEqualTo("1,234");
        assertThat(fmt.hours(null)).isEmpty();
    }

    @Test
    void times_are_shown_in_the_configured_zone_with_the_zone() {
        assertThat(fmt.dateTime(NOW)).isEqualTo("2026-12-05 21:58 GMT+8");
        assertThat(fmt.date(Instant.parse("2026-12-05T17:00:00Z"))).isEqualTo("2026-12-06");
        assertThat(fmt.date(LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
        assertThat(format(ZoneId.of("UTC"), "CNY").dateTime(NOW)).isEqualTo("2026-12-05 13:58 GMT");
        assertThat(fmt.zone()).isEqualTo("GMT+8");
        assertThat(fmt.dateTime(null)).isEmpty();
    }

    @Test
    void a_fresh_figure_reads_just_now_not_zero_hours_ago() {
        in(Locale.SIMPLIFIED_CHINESE);
        assertThat(fmt.hoursAgo(0)).isEqualTo("刚刚");
        assertThat(fmt.ago(NOW.minusSeconds(20))).isEqualTo("刚刚");
        assertThat(fmt.hoursAgo(5)).isEqualTo("5 小时前");
        assertThat(fmt.hoursAgo(72)).isEqualTo("3 天前");
        in(Locale.ENGLISH);
        assertThat(fmt.hoursAgo(0L)).isEqualTo("just now");
        assertThat(fmt.ago(NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 min ago");
        assertThat(fmt.ago(NOW.minus(Duration.ofHours(3)))).isEqualTo("3 h ago");
        assertThat(fmt.ago(NOW.minus(Duration.ofDays(2)))).isEqualTo("2 d ago");
    }
}
