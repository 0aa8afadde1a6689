package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

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
}
