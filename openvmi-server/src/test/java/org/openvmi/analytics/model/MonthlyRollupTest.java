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

    /**
     * ADR 0058: a batch in time order updates the stored last month and adds new ones from the rows it wrote alone —
     * the same months as rolling all the key's rows. Random rows of an own and a supplier's key (stock falling without
     * an issue counts as "went out" for the supplier's), split at every point, the day at the split written twice
     * (first with no movement yet, then with the day's movements) or not.
     */
    @Test
    void extending_the_last_month_with_a_batch_equals_rolling_all_rows() {
        java.util.Random random = new java.util.Random(58);
        var config = org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .build();
        for (int round = 0; round < 60; round++) {
            SnapshotKey key = round % 2 == 0 ? OWN : SUPPLIER;
            List<DailyFigures> rows = new java.util.ArrayList<>();
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(40));
            int qty = 0;
            for (int i = 0; i < 12; i++) {
                day = day.plusDays(random.nextInt(3) == 0 ? 1 + random.nextInt(70) : 1 + random.nextInt(6));
                int in = random.nextInt(3) == 0 ? 5 + random.nextInt(10) : 0;
                int out = Math.min(qty + in, random.nextInt(6));
                boolean issue = key.own() || random.nextBoolean();
                qty = qty + in - out;
                rows.add(row(
                        key,
                        day.toString(),
                        String.valueOf(qty),
                        String.valueOf(qty * 3),
                        String.valueOf(in),
                        issue ? String.valueOf(out) : "0",
                        issue ? String.valueOf(out * 3) : "0"));
            }
            List<MonthlyRollup.Month> all =
                    MonthlyRollup.roll(key, YearMonth.from(rows.get(0).day()), BigDecimal.ZERO, BigDecimal.ZERO, rows);
            for (int split = 0; split < rows.size(); split++) {
                for (boolean twice : new boolean[] {false, true}) {
                    if (twice && split == 0) {
                        continue;
                    }
                    List<DailyFigures> before = new java.util.ArrayList<>(rows.subList(0, split));
                    DailyFigures replaced = null;
                    if (twice) {
                        DailyFigures last = rows.get(split - 1);
                        BigDecimal open = split > 1 ? rows.get(split - 2).closingQty() : BigDecimal.ZERO;
                        replaced = new DailyFigures(
                                key,
                                last.day(),
                                open,
                                open.multiply(BigDecimal.valueOf(3)),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO);
                        before.set(split - 1, replaced);
                    }
                    List<DailyFigures> batch = rows.subList(twice ? split - 1 : split, rows.size());
                    MonthlyRollup.Latest latest = null;
                    MonthlyRollup.Month lastMonth = null;
                    List<MonthlyRollup.Month> kept = new java.util.ArrayList<>();
                    if (!before.isEmpty()) {
                        List<MonthlyRollup.Month> stored = MonthlyRollup.roll(
                                key, YearMonth.from(before.get(0).day()), BigDecimal.ZERO, BigDecimal.ZERO, before);
                        lastMonth = stored.get(stored.size() - 1);
                        kept.addAll(stored.subList(0, stored.size() - 1));
                        DailyFigures last = before.get(before.size() - 1);
                        latest = new MonthlyRollup.Latest(
                                key,
                                before.get(0).day(),
                                last.day(),
                                last.closingQty(),
                                last.closingValue(),
                                before.size() > 1
                                        ? before.get(before.size() - 2).closingQty()
                                        : BigDecimal.ZERO,
                                MonthlyRollup.lastOut(null, stored));
                    }
                    MonthlyRollup.Extension e = MonthlyRollup.extend(key, latest, lastMonth, replaced, batch)
                            .orElseThrow();
                    if (lastMonth != null && !e.months().get(0).month().equals(lastMonth.month())) {
                        kept.add(lastMonth);
                    }
                    kept.addAll(e.months());
                    String what = "round " + round + " split " + split + (twice ? " twice" : "");
                    assertThat(kept)
                            .as(what)
                            .usingRecursiveFieldByFieldElementComparator(config)
                            .isEqualTo(all);
                    DailyFigures last = rows.get(rows.size() - 1);
                    assertThat(e.latest().lastDay()).as(what).isEqualTo(last.day());
                    assertThat(e.latest().closingQty()).as(what).isEqualByComparingTo(last.closingQty());
                    assertThat(e.latest().previousQty())
                            .as(what)
                            .isEqualByComparingTo(rows.get(rows.size() - 2).closingQty());
                    assertThat(e.latest().lastOutDay()).as(what).isEqualTo(MonthlyRollup.lastOut(null, all));
                    assertThat(e.latest().firstDay())
                            .as(what)
                            .isEqualTo(rows.get(0).day());
                }
            }
        }
    }

    /** A row before the key's last day (a back-dated movement) cannot be added on: the caller rolls again. */
    @Test
    void a_row_before_the_last_day_is_left_to_the_full_roll() {
        List<DailyFigures> rows = List.of(row(OWN, "2026-01-10", "10", "20", "10", "0", "0"));
        List<MonthlyRollup.Month> stored =
                MonthlyRollup.roll(OWN, YearMonth.of(2026, 1), BigDecimal.ZERO, BigDecimal.ZERO, rows);
        var latest = new MonthlyRollup.Latest(
                OWN,
                LocalDate.parse("2026-01-10"),
                LocalDate.parse("2026-01-10"),
                BigDecimal.TEN,
                BigDecimal.valueOf(20),
                BigDecimal.ZERO,
                null);
        assertThat(MonthlyRollup.extend(
                        OWN, latest, stored.get(0), null, List.of(row(OWN, "2026-01-05", "1", "2", "1", "0", "0"))))
                .isEmpty();
    }
}
