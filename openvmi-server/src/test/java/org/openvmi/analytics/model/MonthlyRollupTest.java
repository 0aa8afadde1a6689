package org.openvmi.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyRollupTest {

    private static final SnapshotKey OWN = new SnapshotKey("I", "W", SnapshotKey.OWN);
    private static final SnapshotKey SUPPLIER = new SnapshotKey("I", "W", "S1");

    private static DailyFigures row(
            SnapshotKey key, String day, String closing, String value, String received, String issued, String cost) {
        return new DailyFigures(
                key,
                LocalDate.parse(day),
                new BigDecimal(closing),
                new BigDecimal(value),
                new BigDecimal(received),
                new BigDecimal(issued),
                new BigDecimal(cost),
                new BigDecimal(issued));
    }

    /**
     * 10 @ 2 in on 10 Jan, 4 issued on 20 Jan, the rest on 5 Mar: January holds 20 for days 10–19 and 12 for 20–31
     * (value-days 200 + 144 = 344, zero days 1–9), February carries 12 every day (12 × 28 = 336), March 12 for 1–4 and
     * 0 from 5 (48, zero days 27).
     */
    @Test
    void months_sum_the_days_with_the_closing_carried_and_months_without_rows_carried() {
        List<MonthlyRollup.Month> months = MonthlyRollup.roll(
                OWN,
                YearMonth.of(2026, 1),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                List.of(
                        row(OWN, "2026-01-10", "10", "20", "10", "0", "0"),
                        row(OWN, "2026-01-20", "6", "12", "0", "4", "8"),
                        row(OWN, "2026-03-05", "0", "0", "0", "6", "12")));
        assertThat(months).hasSize(3);
        MonthlyRollup.Month jan = months.get(0);
        assertThat(jan.valueDays()).isEqualByComparingTo("344");
        assertThat(jan.zeroDays()).isEqualTo(9);
        assertThat(jan.issueCost()).isEqualByComparingTo("8");
        assertThat(jan.firstDay()).isEqualTo(LocalDate.parse("2026-01-10"));
        assertThat(jan.lastOutDay()).isEqualTo(LocalDate.parse("2026-01-20"));
        MonthlyRollup.Month feb = months.get(1);
        assertThat(feb.valueDays()).isEqualByComparingTo("336");
        assertThat(feb.zeroDays()).isZero();
        assertThat(feb.openingQty()).isEqualByComparingTo("6");
        assertThat(feb.closingValue()).isEqualByComparingTo("12");
        assertThat(feb.firstDay()).isNull();
        assertThat(feb.lastOutDay()).isNull();
        MonthlyRollup.Month mar = months.get(2);
        assertThat(mar.valueDays()).isEqualByComparingTo("48");
        assertThat(mar.zeroDays()).isEqualTo(27);
        assertThat(mar.issueQty()).isEqualByComparingTo("6");
        assertThat(mar.closingQty()).isEqualByComparingTo("0");
    }

    /** A supplier's stock goes out by falling (consumption, not an issue): the fall counts as "went out". */
    @Test
    void a_fall_of_a_suppliers_stock_is_the_last_day_it_went_out_from_the_opening_on() {
        List<MonthlyRollup.Month> months = MonthlyRollup.roll(
                SUPPLIER,
                YearMonth.of(2026, 4),
                new BigDecimal("5"),
                new BigDecimal("25"),
                List.of(
                        row(SUPPLIER, "2026-04-03", "3", "15", "0", "0", "0"),
                        row(SUPPLIER, "2026-04-09", "7", "35", "4", "0", "0")));
        assertThat(months).singleElement().satisfies(m -> {
            assertThat(m.lastOutDay()).isEqualTo(LocalDate.parse("2026-04-03"));
            assertThat(m.valueDays()).isEqualByComparingTo(new BigDecimal(25 * 2 + 15 * 6 + 35 * 22));
        });
    }
}
