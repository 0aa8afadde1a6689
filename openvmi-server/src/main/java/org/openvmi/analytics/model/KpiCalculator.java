package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger KPIs of a period from the daily snapshots of the keys in scope (docs/kpis.md). Turnover is on own stock:
 * the cost of own stock issued over the average own stock value, annualised; consignment is the supplier's capital.
 */
public final class KpiCalculator {

    private static final BigDecimal YEAR = BigDecimal.valueOf(365);

    private final int staleDays;

    public KpiCalculator(int staleDays) {
        this.staleDays = staleDays;
    }

    /** The days without an issue after which stock with a key is stale. */
    public int staleDays() {
        return staleDays;
    }

    /** {@code rowsByKey}: every row up to {@code period.to()} of each key, sorted by day. */
    public KpiFigures compute(Map<SnapshotKey, List<DailyFigures>> rowsByKey, Period period) {
        return compute(Map.of(), rowsByKey, period);
    }

    /**
     * The same figures from keys summed over the period ({@link KeyPeriod}, the month path of ADR 0050) and keys with
     * their daily rows: an item × warehouse is wholly on one side (its stockout days are counted over all its owners).
     */
    public KpiFigures compute(
            Map<SnapshotKey, KeyPeriod> summaries, Map<SnapshotKey, List<DailyFigures>> rowsByKey, Period period) {
        BigDecimal ownValue = BigDecimal.ZERO;
        BigDecimal consignmentValue = BigDecimal.ZERO;
        BigDecimal ownValueDays = BigDecimal.ZERO;
        BigDecimal ownIssueCost = BigDecimal.ZERO;
        BigDecimal issued = BigDecimal.ZERO;
        BigDecimal refused = BigDecimal.ZERO;
        BigDecimal staleValue = BigDecimal.ZERO;
        long staleLines = 0;
        Map<String, List<List<DailyFigures>>> rowsBySubject = new HashMap<>();
        Map<String, java.util.Set<LocalDate>> refusedDays = new HashMap<>();
        for (Map.Entry<SnapshotKey, List<DailyFigures>> e : rowsByKey.entrySet()) {
            SnapshotKey key = e.getKey();
            List<DailyFigures> rows = e.getValue();
            DailySeries series = new DailySeries(rows, period);
            BigDecimal closing = series.value[series.value.length - 1];
            if (key.own()) {
                ownValue = ownValue.add(closing);
                for (BigDecimal v : series.value) {
                    ownValueDays = ownValueDays.add(v);
                }
            } else {
                consignmentValue = consignmentValue.add(closing);
            }
            String itemWarehouse = key.item() + "\u0000" + key.warehouse();
            for (DailyFigures row : rows) {
                if (period.contains(row.day())) {
                    issued = issued.add(row.issueQty());
                    refused = refused.add(row.refusedQty());
                    if (key.own()) {
                        ownIssueCost = ownIssueCost.add(row.issueCost());
                    }
                }
            }
            rowsBySubject.computeIfAbsent(itemWarehouse, k -> new ArrayList<>()).add(rows);
            for (DailyFigures row : rows) {
                if (row.refusedQty().signum() > 0) {
                    refusedDays
                            .computeIfAbsent(itemWarehouse, k -> new java.util.HashSet<>())
                            .add(row.day());
                }
            }
            if (series.qty[series.qty.length - 1].signum() > 0 && stale(rows, period.to())) {
                staleValue = staleValue.add(closing);
                staleLines++;
            }
        }
        for (KeyPeriod k : summaries.values()) {
            SnapshotKey key = k.key();
            if (key.own()) {
                ownValue = ownValue.add(k.closingValue());
                ownValueDays = ownValueDays.add(k.valueDays());
                ownIssueCost = ownIssueCost.add(k.issueCost());
            } else {
                consignmentValue = consignmentValue.add(k.closingValue());
            }
            issued = issued.add(k.issued());
            if (k.closingQty().signum() > 0 && stale(k.since(), period.to())) {
                staleValue = staleValue.add(k.closingValue());
                staleLines++;
            }
        }
        long[] stockout = stockoutDays(rowsBySubject, refusedDays, period);
        return figures(
                ownValue,
                consignmentValue,
                ownValueDays,
                ownIssueCost,
                issued,
                refused,
                stockout[0],
                stockout[1],
                staleValue,
                staleLines,
                period.days());
    }

    /** The figures from the period's sums (the daily path above, or the group facts of ADR 0079). */
    public static KpiFigures figures(
            BigDecimal ownValue,
            BigDecimal consignmentValue,
            BigDecimal ownValueDays,
            BigDecimal ownIssueCost,
            BigDecimal issued,
            BigDecimal refused,
            long stockoutDays,
            long countedDays,
            BigDecimal staleValue,
            long staleLines,
            int periodDays) {
        BigDecimal days = BigDecimal.valueOf(periodDays);
        BigDecimal average = Ratios.divide(ownValueDays, days, 2);
        BigDecimal turnover =
                Ratios.divide(ownIssueCost.multiply(YEAR), average == null ? null : average.multiply(days), 4);
        BigDecimal turnoverDays = Ratios.divide(ownValueDays, ownIssueCost, 1);
        return new KpiFigures(
                Ratios.money(ownValue),
                Ratios.money(consignmentValue),
                average == null ? Ratios.money(BigDecimal.ZERO) : average,
                Ratios.money(ownIssueCost),
                turnover,
                turnoverDays,
                Ratios.divide(BigDecimal.valueOf(stockoutDays), BigDecimal.valueOf(countedDays), 4),
                Ratios.divide(issued, issued.add(refused), 4),
                Ratios.money(staleValue),
                staleLines);
    }

    /**
     * The month rule (ADR 0079, docs/kpis.md): of each item × warehouse with daily rows, the days of the period in the
     * calendar months in which it had demand (issued or refused anywhere in the month: rows after the period's end
     * count for its last month's demand), and of them the days closing at zero (all owners together) or with a refused
     * issue. A refusal is a stockout that day even when some stock was left. Keys given as summaries do not count here:
     * the caller takes their stockout days from the group facts ({@link GroupFacts}).
     */
    private static long[] stockoutDays(
            Map<String, List<List<DailyFigures>>> rowsBySubject,
            Map<String, java.util.Set<LocalDate>> refusedDays,
            Period period) {
        long zeroDays = 0;
        long allDays = 0;
        for (Map.Entry<String, List<List<DailyFigures>>> e : rowsBySubject.entrySet()) {
            long[] days = GroupFacts.stockoutDays(
                    e.getValue(), refusedDays.getOrDefault(e.getKey(), java.util.Set.of()), period);
            zeroDays += days[0];
            allDays += days[1];
        }
        return new long[] {zeroDays, allDays};
    }

    /** No issue for {@code staleDays} before {@code asOf}, counting from the key's first movement if never issued. */
    public boolean stale(List<DailyFigures> rows, LocalDate asOf) {
        LocalDate since = lastIssue(rows, asOf);
        if (since == null) {
            since = rows.isEmpty() ? asOf : rows.get(0).day();
        }
        return !since.isAfter(asOf.minusDays(staleDays));
    }

    /** Stale at {@code asOf} for a key whose staleness counts from {@code since} (null: no row, as {@link #stale}). */
    public boolean stale(LocalDate since, LocalDate asOf) {
        return !(since == null ? asOf : since).isAfter(asOf.minusDays(staleDays));
    }

    /**
     * The last day up to {@code asOf} with an issue, or null. Consignment stock is never issued as such: it leaves its
     * key when its consumption passes ownership to the buyer (OWNERSHIP_TRANSFER out), so for a supplier's key any day
     * on which stock went out (closing below the day before plus the day's receipts) counts. Without this every
     * consignment line consumed week after week was "stale" after 180 days (the demo: 12 stale lines, all consigned).
     */
    public static LocalDate lastIssue(List<DailyFigures> rows, LocalDate asOf) {
        LocalDate last = null;
        BigDecimal before = BigDecimal.ZERO;
        for (DailyFigures row : rows) {
            if (row.day().isAfter(asOf)) {
                break;
            }
            boolean out = row.issueQty().signum() > 0
                    || !row.key().own() && before.add(row.receiptQty()).compareTo(row.closingQty()) > 0;
            if (out) {
                last = row.day();
            }
            before = row.closingQty();
        }
        return last;
    }
}
