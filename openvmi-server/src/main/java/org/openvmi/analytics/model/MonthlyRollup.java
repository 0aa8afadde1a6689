package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calendar-month rollup of one key's daily snapshots (ADR 0050): what a KPI over whole months needs without the
 * days — the opening and closing of the month, the sum over every day of the month of the closing value carried
 * forward ({@code valueDays}, the numerator of the average stock value and of turnover days), the days at or below
 * zero, the month's receipts, issues, issue cost and demand, and the last day stock went out
 * ({@link KpiCalculator#lastIssue} rule, for stale stock). Months without movements between two months with movements
 * get a carried row, so that a key's months are contiguous from its first month to the month of its last movement.
 */
public final class MonthlyRollup {

    /** One key's figures of one calendar month. {@code firstDay}: its first day with a
     * daily row (null: a carried month); {@code lastOutDay}: the last day stock went out (null: none that month). */
    public record Month(
            SnapshotKey key,
            YearMonth month,
            BigDecimal openingQty,
            BigDecimal openingValue,
            BigDecimal closingQty,
            BigDecimal closingValue,
            BigDecimal valueDays,
            int zeroDays,
            BigDecimal receiptQty,
            BigDecimal issueQty,
            BigDecimal issueCost,
            BigDecimal demandQty,
            LocalDate firstDay,
            LocalDate lastOutDay) {}

    private MonthlyRollup() {}

    /**
     * The months of {@code key} from {@code first} through the month of its last row: {@code rows} are its daily rows
     * from {@code first} on, sorted by day; the opening is the key's closing before {@code first} (zero for a new key).
     */
    public static List<Month> roll(
            SnapshotKey key, YearMonth first, BigDecimal openingQty, BigDecimal openingValue, List<DailyFigures> rows) {
        List<Month> months = new ArrayList<>();
        if (rows.isEmpty()) {
            return months;
        }
        YearMonth last = YearMonth.from(rows.get(rows.size() - 1).day());
        BigDecimal qty = openingQty;
        BigDecimal value = openingValue;
        int next = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            BigDecimal startQty = qty;
            BigDecimal startValue = value;
            BigDecimal valueDays = BigDecimal.ZERO;
            int zeroDays = 0;
            BigDecimal received = BigDecimal.ZERO;
            BigDecimal issued = BigDecimal.ZERO;
            BigDecimal issuedCost = BigDecimal.ZERO;
            BigDecimal demand = BigDecimal.ZERO;
            LocalDate lastOut = null;
            LocalDate firstRow = null;
            LocalDate day = m.atDay(1);
            LocalDate end = m.atEndOfMonth();
            while (!day.isAfter(end)) {
                LocalDate until = next < rows.size() && !rows.get(next).day().isAfter(end)
                        ? rows.get(next).day()
                        : end.plusDays(1);
                long span = until.toEpochDay() - day.toEpochDay();
                if (span > 0) {
                    valueDays = valueDays.add(value.multiply(BigDecimal.valueOf(span)));
                    if (qty.signum() <= 0) {
                        zeroDays += (int) span;
                    }
                }
                if (until.isAfter(end)) {
                    break;
                }
                DailyFigures row = rows.get(next++);
                if (firstRow == null) {
                    firstRow = row.day();
                }
                if (row.issueQty().signum() > 0
                        || !key.own() && qty.add(row.receiptQty()).compareTo(row.closingQty()) > 0) {
                    lastOut = row.day();
                }
                received = received.add(row.receiptQty());
                issued = issued.add(row.issueQty());
                issuedCost = issuedCost.add(row.issueCost());
                demand = demand.add(row.demandQty());
                qty = row.closingQty();
                value = row.closingValue();
                day = until;
            }
            months.add(new Month(
                    key,
                    m,
                    startQty,
                    startValue,
                    qty,
                    value,
                    valueDays,
                    zeroDays,
                    received,
                    issued,
                    issuedCost,
                    demand,
                    firstRow,
                    lastOut));
        }
        return months;
    }

    /**
     * A key's state after its last daily row (ADR 0058): its first day with a row, its last day with a row and the
     * closing then, the closing quantity of the row before that one (zero: none) — what the "went out" rule of a
     * supplier's key needs when the last day gets more movements — and the last day stock went out.
     */
    public record Latest(
            SnapshotKey key,
            LocalDate firstDay,
            LocalDate lastDay,
            BigDecimal closingQty,
            BigDecimal closingValue,
            BigDecimal previousQty,
            LocalDate lastOutDay) {

        public YearMonth lastMonth() {
            return YearMonth.from(lastDay);
        }
    }

    /** The months a batch changes (the stored last month updated, then new ones) and the key's new latest state. */
    public record Extension(List<Month> months, Latest latest) {}

    /**
     * Updates a key's months with its rows a batch wrote, without its earlier daily rows (ADR 0058): possible when
     * every written row is on or after the key's last day ({@code latest}; null: a new key), i.e. the movements came in
     * time order. {@code lastMonth} is the stored month of the latest day; {@code replacedLast} the stored row of that
     * day when the batch wrote it again; {@code rows} the rows written, sorted by day. The months equal those
     * {@link #roll} makes from all the key's rows. Empty when not possible (a day before the last one written, or the
     * stored state missing): the caller then rolls the months again from the daily rows.
     */
    public static Optional<Extension> extend(
            SnapshotKey key, Latest latest, Month lastMonth, DailyFigures replacedLast, List<DailyFigures> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        DailyFigures lastRow = rows.get(rows.size() - 1);
        if (latest == null) {
            List<Month> months = roll(key, YearMonth.from(rows.get(0).day()), BigDecimal.ZERO, BigDecimal.ZERO, rows);
            BigDecimal previous = rows.size() > 1 ? rows.get(rows.size() - 2).closingQty() : BigDecimal.ZERO;
            return Optional.of(new Extension(
                    months,
                    new Latest(
                            key,
                            rows.get(0).day(),
                            lastRow.day(),
                            lastRow.closingQty(),
                            lastRow.closingValue(),
                            previous,
                            lastOut(null, months))));
        }
        LocalDate first = rows.get(0).day();
        LocalDate last = latest.lastDay();
        boolean replaces = first.equals(last);
        if (first.isBefore(last)
                || lastMonth == null
                || !lastMonth.month().equals(latest.lastMonth())
                || replaces && replacedLast == null) {
            return Optional.empty();
        }
        List<Month> months = new ArrayList<>();
        YearMonth r = lastMonth.month();
        int next = 0;
        BigDecimal qty = latest.closingQty();
        BigDecimal value = latest.closingValue();
        if (YearMonth.from(first).equals(r)) {
            LocalDate end = r.atEndOfMonth();
            // take back the last closing carried from the first written day to the month's end
            long span = end.toEpochDay() - first.toEpochDay() + 1;
            BigDecimal valueDays = lastMonth.valueDays().subtract(value.multiply(BigDecimal.valueOf(span)));
            int zeroDays = lastMonth.zeroDays() - (qty.signum() <= 0 ? (int) span : 0);
            BigDecimal received = lastMonth.receiptQty();
            BigDecimal issued = lastMonth.issueQty();
            BigDecimal issuedCost = lastMonth.issueCost();
            BigDecimal demand = lastMonth.demandQty();
            LocalDate lastOut = lastMonth.lastOutDay();
            if (replaces) {
                received = received.subtract(replacedLast.receiptQty());
                issued = issued.subtract(replacedLast.issueQty());
                issuedCost = issuedCost.subtract(replacedLast.issueCost());
                demand = demand.subtract(replacedLast.demandQty());
                qty = latest.previousQty();
                if (last.equals(lastOut)) {
                    lastOut = null; // set again below: a day that went out still goes out with more movements
                }
            }
            LocalDate day = first;
            while (next < rows.size() && !rows.get(next).day().isAfter(end)) {
                DailyFigures row = rows.get(next++);
                long days = row.day().toEpochDay() - day.toEpochDay();
                if (days > 0) {
                    valueDays = valueDays.add(value.multiply(BigDecimal.valueOf(days)));
                    zeroDays += qty.signum() <= 0 ? (int) days : 0;
                }
                if (row.issueQty().signum() > 0
                        || !key.own() && qty.add(row.receiptQty()).compareTo(row.closingQty()) > 0) {
                    lastOut = row.day();
                }
                received = received.add(row.receiptQty());
                issued = issued.add(row.issueQty());
                issuedCost = issuedCost.add(row.issueCost());
                demand = demand.add(row.demandQty());
                qty = row.closingQty();
                value = row.closingValue();
                day = row.day();
            }
            if (replaces && lastOut == null && last.equals(lastMonth.lastOutDay())) {
                return Optional.empty(); // an earlier day of the month went out: only the daily rows know which
            }
            long rest = end.toEpochDay() - day.toEpochDay() + 1;
            valueDays = valueDays.add(value.multiply(BigDecimal.valueOf(rest)));
            zeroDays += qty.signum() <= 0 ? (int) rest : 0;
            months.add(new Month(
                    key,
                    r,
                    lastMonth.openingQty(),
                    lastMonth.openingValue(),
                    qty,
                    value,
                    valueDays,
                    zeroDays,
                    received,
                    issued,
                    issuedCost,
                    demand,
                    lastMonth.firstDay() != null ? lastMonth.firstDay() : first,
                    lastOut));
        }
        months.addAll(roll(key, r.plusMonths(1), qty, value, rows.subList(next, rows.size())));
        BigDecimal previous = rows.size() > 1
                ? rows.get(rows.size() - 2).closingQty()
                : replaces ? latest.previousQty() : latest.closingQty();
        LocalDate out = lastOut(latest.lastOutDay(), months);
        return Optional.of(new Extension(
                months,
                new Latest(
                        key,
                        latest.firstDay(),
                        lastRow.day(),
                        lastRow.closingQty(),
                        lastRow.closingValue(),
                        previous,
                        out)));
    }

    /** The later of {@code known} and the months' last days stock went out. */
    public static LocalDate lastOut(LocalDate known, List<Month> months) {
        LocalDate out = known;
        for (Month m : months) {
            if (m.lastOutDay() != null && (out == null || m.lastOutDay().isAfter(out))) {
                out = m.lastOutDay();
            }
        }
        return out;
    }
}
