package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What the KPIs of a period need of one key (ADR 0050), summed over its days: the closing at the period's end, the
 * sum of the daily closing value over the period ({@code valueDays}), the days at or below zero, the quantity issued,
 * the issue cost, whether there was demand, and the day its staleness counts from (the last day stock went out up to
 * the period's end, else its first day). {@link #of} builds it from the key's calendar-month rollup
 * ({@link MonthlyRollup}) for the whole months inside the period and its daily rows for the days at either end: the
 * same figures {@link KpiCalculator} gets from the daily rows, with ~12 rows a key for a year instead of one a day.
 */
public record KeyPeriod(
        SnapshotKey key,
        BigDecimal closingQty,
        BigDecimal closingValue,
        BigDecimal valueDays,
        long zeroDays,
        BigDecimal issued,
        BigDecimal issueCost,
        boolean demand,
        LocalDate lastOut,
        LocalDate firstDay) {

    /** The day staleness counts from: the last day stock went out, else the key's first day with a row. */
    public LocalDate since() {
        return lastOut != null ? lastOut : firstDay;
    }

    /**
     * A key's months up to the last whole month {@code B} of a period, aggregated by the database: sums over the whole
     * months from {@code A} (the first month starting in the period) to {@code B}; over every month up to {@code B}
     * the first day with a row and the last day stock went out; its first and last month up to {@code B}, the closing
     * of the last; the opening of the month {@code H} the period starts in (null: no row for that month).
     */
    public record MonthSums(
            BigDecimal valueDays,
            long zeroDays,
            BigDecimal issued,
            BigDecimal issueCost,
            boolean demand,
            LocalDate firstDay,
            LocalDate lastOut,
            YearMonth firstMonth,
            YearMonth lastMonth,
            BigDecimal closingQty,
            BigDecimal closingValue,
            BigDecimal openingQtyH,
            BigDecimal openingValueH) {}

    /**
     * The bounds of the month path of a period: H, the first day of the month the period starts in; A..B (B's last day
     * {@code bEnd}), the whole months inside it, whose sums come from the rollup; the daily rows are read from H to
     * the day before A and after {@code bEnd}. A period without a whole month inside has none (A = H, B the month
     * before): the rollup gives the state before H, the daily rows the rest.
     */
    public record Bounds(LocalDate h, LocalDate a, LocalDate b, LocalDate bEnd) {

        public static Bounds of(Period p) {
            LocalDate h = p.from().withDayOfMonth(1);
            LocalDate a = p.from().getDayOfMonth() == 1 ? p.from() : h.plusMonths(1);
            LocalDate bEnd = p.to().equals(YearMonth.from(p.to()).atEndOfMonth())
                    ? p.to()
                    : p.to().withDayOfMonth(1).minusDays(1);
            return bEnd.isBefore(a)
                    ? new Bounds(h, h, h.minusMonths(1), h.minusDays(1))
                    : new Bounds(h, a, bEnd.withDayOfMonth(1), bEnd);
        }
    }

    /**
     * {@code m}: the key's month sums (null: no month up to B); {@code edges}: its daily rows from H to the day before
     * A and after {@code bEnd} up to the period's end, sorted by day.
     */
    public static KeyPeriod of(SnapshotKey key, MonthSums m, List<DailyFigures> edges, Period p, Bounds b) {
        Acc acc = new Acc();
        int next = 0;
        // the head: the days of the month H before A (before the period: only the state they leave)
        if (p.from().isBefore(b.a())) {
            YearMonth hMonth = YearMonth.from(b.h());
            if (m != null && m.openingQtyH() != null) {
                acc.qty = m.openingQtyH();
                acc.value = m.openingValueH();
            } else if (m != null && m.lastMonth().isBefore(hMonth)) {
                acc.qty = m.closingQty();
                acc.value = m.closingValue();
            }
            LocalDate day = p.from();
            while (next < edges.size() && edges.get(next).day().isBefore(p.from())) {
                DailyFigures row = edges.get(next++);
                acc.qty = row.closingQty();
                acc.value = row.closingValue();
            }
            while (next < edges.size() && edges.get(next).day().isBefore(b.a())) {
                DailyFigures row = edges.get(next++);
                acc.carry(row.day().toEpochDay() - day.toEpochDay());
                acc.add(row);
                day = row.day();
            }
            acc.carry(b.a().toEpochDay() - day.toEpochDay());
        }
        // the whole months A..B
        long months = b.bEnd().toEpochDay() - b.a().toEpochDay() + 1;
        if (m == null) {
            acc.qty = BigDecimal.ZERO;
            acc.value = BigDecimal.ZERO;
            acc.carry(months);
        } else if (m.lastMonth().isBefore(YearMonth.from(b.a()))) {
            acc.qty = m.closingQty();
            acc.value = m.closingValue();
            acc.carry(months);
        } else {
            long after = b.bEnd().toEpochDay() - m.lastMonth().atEndOfMonth().toEpochDay();
            long before = Math.max(0, m.firstMonth().atDay(1).toEpochDay() - b.a().toEpochDay());
            acc.qty = m.closingQty();
            acc.value = m.closingValue();
            acc.valueDays = acc.valueDays.add(m.valueDays());
            acc.zeroDays += m.zeroDays() + before;
            acc.issued = acc.issued.add(m.issued());
            acc.issueCost = acc.issueCost.add(m.issueCost());
            acc.demand |= m.demand();
            acc.carry(after);
        }
        // the tail after B, with the stale rule's "went out" (KpiCalculator.lastIssue) on its rows
        LocalDate lastOut = m == null ? null : m.lastOut();
        LocalDate first = m == null ? null : m.firstDay();
        // (without a whole month inside, the tail starts at H: its rows before the period only move the state)
        LocalDate day = b.bEnd().plusDays(1);
        if (day.isBefore(p.from())) {
            day = p.from();
        }
        while (next < edges.size()) {
            DailyFigures row = edges.get(next++);
            if (row.day().isAfter(p.to())) {
                break;
            }
            if (row.issueQty().signum() > 0
                    || !key.own() && acc.qty.add(row.receiptQty()).compareTo(row.closingQty()) > 0) {
                lastOut = row.day();
            }
            if (first == null) {
                first = row.day();
            }
            if (row.day().isBefore(p.from())) {
                acc.qty = row.closingQty();
                acc.value = row.closingValue();
                continue;
            }
            acc.carry(row.day().toEpochDay() - day.toEpochDay());
            acc.add(row);
            day = row.day();
        }
        acc.carry(p.to().toEpochDay() - day.toEpochDay() + 1);
        return new KeyPeriod(
                key,
                acc.qty,
                acc.value,
                acc.valueDays,
                acc.zeroDays,
                acc.issued,
                acc.issueCost,
                acc.demand,
                lastOut,
                first);
    }

    private static final class Acc {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal valueDays = BigDecimal.ZERO;
        long zeroDays;
        BigDecimal issued = BigDecimal.ZERO;
        BigDecimal issueCost = BigDecimal.ZERO;
        boolean demand;

        /** {@code days} days at the current closing. */
        void carry(long days) {
            if (days > 0) {
                valueDays = valueDays.add(value.multiply(BigDecimal.valueOf(days)));
                if (qty.signum() <= 0) {
                    zeroDays += days;
                }
            }
        }

        /** A row of a day in the period: its closing from that day on, and its flows. */
        void add(DailyFigures row) {
            qty = row.closingQty();
            value = row.closingValue();
            issued = issued.add(row.issueQty());
            issueCost = issueCost.add(row.issueCost());
            demand |= row.demandQty().signum() > 0;
        }
    }
}
