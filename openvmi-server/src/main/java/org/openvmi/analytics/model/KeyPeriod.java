package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the KPIs of a period need of one key (ADR 0050), summed over its days: the closing at the period's end, the
 * sum of the daily closing value over the period ({@code valueDays}), the days at or below zero, the quantity issued,
 * the issue cost, whether there was demand, and the day its staleness counts from (the last day stock went out up to
 * the period's end, else its first day). {@link #of} builds it from the key's calendar-month rollup
 * ({@link MonthlyRollup}) for the whole months inside the period and its daily rows of the days at either end summed
 * by the database ({@link Edge}): the
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
     * One end of a period (the head: from H to the day before A; the tail: after B's end up to the period's end) of one
     * key, summed by the database from its daily rows (ADR 0070), so that a key ships one row an end instead of one a
     * day. The rows of the end before the period's first day only leave their state ({@code preQty}); each row in the
     * period counts its closing until the next row of the end or the end's last day ({@code valueDays},
     * {@code zeroDays}). For the stale rule's "went out" ({@link KpiCalculator#lastIssue}): the first row's flows
     * (compared with the state before the end, known only to {@link #of}) and the last day after it stock went out.
     */
    public record Edge(
            LocalDate firstDay,
            BigDecimal firstReceipt,
            BigDecimal firstClosingQty,
            BigDecimal firstIssue,
            LocalDate lastOutAfterFirst,
            BigDecimal preQty,
            BigDecimal preValue,
            LocalDate firstInDay,
            BigDecimal valueDays,
            long zeroDays,
            BigDecimal issued,
            BigDecimal issueCost,
            boolean demand,
            BigDecimal lastQty,
            BigDecimal lastValue) {}

    /**
     * A key's figures of period {@code p}: {@code m} its month sums (null: no month up to B), {@code head} and
     * {@code tail} its ends summed by the database (null: no row there) — the same figures {@link KpiCalculator} gets
     * from the daily rows.
     */
    public static KeyPeriod of(SnapshotKey key, MonthSums m, Edge head, Edge tail, Period p, Bounds b) {
        Acc acc = new Acc();
        if (p.from().isBefore(b.a())) {
            opening(acc, m, b);
            if (head != null && head.preQty() != null) {
                acc.qty = head.preQty();
                acc.value = head.preValue();
            }
            if (head != null && head.firstInDay() != null) {
                acc.carry(head.firstInDay().toEpochDay() - p.from().toEpochDay());
                acc.add(head);
            } else {
                acc.carry(b.a().toEpochDay() - p.from().toEpochDay());
            }
        }
        wholeMonths(acc, m, b);
        LocalDate lastOut = m == null ? null : m.lastOut();
        LocalDate first = m == null ? null : m.firstDay();
        LocalDate day = b.bEnd().plusDays(1);
        if (day.isBefore(p.from())) {
            day = p.from();
        }
        if (tail != null) {
            if (tail.firstIssue().signum() > 0
                    || !key.own() && acc.qty.add(tail.firstReceipt()).compareTo(tail.firstClosingQty()) > 0) {
                lastOut = tail.firstDay();
            }
            if (tail.lastOutAfterFirst() != null) {
                lastOut = tail.lastOutAfterFirst();
            }
            if (first == null) {
                first = tail.firstDay();
            }
            if (tail.preQty() != null) {
                acc.qty = tail.preQty();
                acc.value = tail.preValue();
            }
        }
        if (tail != null && tail.firstInDay() != null) {
            acc.carry(tail.firstInDay().toEpochDay() - day.toEpochDay());
            acc.add(tail);
        } else {
            acc.carry(p.to().toEpochDay() - day.toEpochDay() + 1);
        }
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

    /** The state before the head: the opening of month H, else the closing of the key's last month before it. */
    private static void opening(Acc acc, MonthSums m, Bounds b) {
        YearMonth hMonth = YearMonth.from(b.h());
        if (m != null && m.openingQtyH() != null) {
            acc.qty = m.openingQtyH();
            acc.value = m.openingValueH();
        } else if (m != null && m.lastMonth().isBefore(hMonth)) {
            acc.qty = m.closingQty();
            acc.value = m.closingValue();
        }
    }

    /** The whole months A..B from the rollup, the state carried where the key has no month. */
    private static void wholeMonths(Acc acc, MonthSums m, Bounds b) {
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

        /** An end's rows in the period, each counted to the next or the end's last day: the state after the last. */
        void add(Edge e) {
            valueDays = valueDays.add(e.valueDays());
            zeroDays += e.zeroDays();
            qty = e.lastQty();
            value = e.lastValue();
            issued = issued.add(e.issued());
            issueCost = issueCost.add(e.issueCost());
            demand |= e.demand();
        }
    }
}
