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
        Map<String, List<DailySeries>> seriesByItemWarehouse = new HashMap<>();
        Map<String, Boolean> demandByItemWarehouse = new HashMap<>();
        Map<String, boolean[]> refusedDays = new HashMap<>();
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
            boolean demand = false;
            String itemWarehouse = key.item() + "\u0000" + key.warehouse();
            for (DailyFigures row : rows) {
                if (period.contains(row.day())) {
                    issued = issued.add(row.issueQty());
                    refused = refused.add(row.refusedQty());
                    demand |= row.demandQty().signum() > 0;
                    if (row.refusedQty().signum() > 0) {
                        refusedDays
                                .computeIfAbsent(itemWarehouse, k -> new boolean[period.days()])[
                                (int) java.time.temporal.ChronoUnit.DAYS.between(period.from(), row.day())] = true;
                    }
                    if (key.own()) {
                        ownIssueCost = ownIssueCost.add(row.issueCost());
                    }
                }
            }
            seriesByItemWarehouse
                    .computeIfAbsent(itemWarehouse, k -> new ArrayList<>())
                    .add(series);
            demandByItemWarehouse.merge(itemWarehouse, demand, Boolean::logicalOr);
            if (series.qty[series.qty.length - 1].signum() > 0 && stale(rows, period.to())) {
                staleValue = staleValue.add(closing);
                staleLines++;
            }
        }
        Map<String, Long> zeroDaysByItemWarehouse = new HashMap<>();
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
            String itemWarehouse = key.item() + "\u0000" + key.warehouse();
            demandByItemWarehouse.merge(itemWarehouse, k.demand(), Boolean::logicalOr);
            zeroDaysByItemWarehouse.merge(itemWarehouse, k.zeroDays(), Long::sum);
            if (k.closingQty().signum() > 0 && stale(k.since(), period.to())) {
                staleValue = staleValue.add(k.closingValue());
                staleLines++;
            }
        }
        BigDecimal days = BigDecimal.valueOf(period.days());
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
                stockoutRate(
                        seriesByItemWarehouse, zeroDaysByItemWarehouse, demandByItemWarehouse, refusedDays, period),
                Ratios.divide(issued, issued.add(refused), 4),
                Ratios.money(staleValue),
                staleLines);
    }

    /**
     * Days at zero (all owners together) or with a refused issue, of the item × warehouses with demand (issued or
     * refused) in the period, over their days. A refusal is a stockout that day even when some stock was left: what
     * was asked for could not be served.
     */
    private static BigDecimal stockoutRate(
            Map<String, List<DailySeries>> series,
            Map<String, Long> summedZeroDays,
            Map<String, Boolean> demand,
            Map<String, boolean[]> refusedDays,
            Period period) {
        long zeroDays = 0;
        long allDays = 0;
        for (Map.Entry<String, Long> e : summedZeroDays.entrySet()) {
            if (demand.get(e.getKey())) {
                zeroDays += e.getValue();
                allDays += period.days();
            }
        }
        for (Map.Entry<String, List<DailySeries>> e : series.entrySet()) {
            if (!demand.get(e.getKey())) {
                continue;
            }
            boolean[] refused = refusedDays.get(e.getKey());
            for (int d = 0; d < period.days(); d++) {
                if (refused != null && refused[d]) {
                    zeroDays++;
                    continue;
                }
                BigDecimal total = BigDecimal.ZERO;
                for (DailySeries s : e.getValue()) {
                    total = total.add(s.qty[d]);
                }
                if (total.signum() <= 0) {
                    zeroDays++;
                }
            }
            allDays += period.days();
        }
        return Ratios.divide(BigDecimal.valueOf(zeroDays), BigDecimal.valueOf(allDays), 4);
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
