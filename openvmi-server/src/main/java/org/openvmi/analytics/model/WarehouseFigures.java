package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The warehouse dashboard's figures from the daily snapshots (docs/kpis.md, "Dashboards"): stock value per warehouse and
 * owner at the end of a day, received and issued quantity per day, and per day how many item × warehouses with demand
 * in the period closed at zero ("items at zero per day": not the stockout rate's numerator, whose month rule of ADR
 * 0079 counts a key's days in the months it had demand, refusals too).
 */
public final class WarehouseFigures {

    /** Value at the end of a day of one owner's stock in one warehouse. */
    public record OwnerValue(String warehouse, String owner, BigDecimal value) {}

    /** One day's movements and stockouts. */
    public record Day(LocalDate day, BigDecimal receiptQty, BigDecimal issueQty, int stockouts) {}

    private WarehouseFigures() {}

    /** {@code rowsByKey}: every row up to at least {@code day} of each key, sorted by day; warehouses and owners sorted. */
    public static List<OwnerValue> valueByWarehouseAndOwner(
            Map<SnapshotKey, List<DailyFigures>> rowsByKey, LocalDate day) {
        Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
        rowsByKey.forEach((key, rows) -> {
            BigDecimal value = BigDecimal.ZERO;
            for (DailyFigures row : rows) {
                if (!row.day().isAfter(day)) {
                    value = row.closingValue();
                }
            }
            if (value.signum() != 0) {
                sums.computeIfAbsent(key.warehouse(), w -> new TreeMap<>(WarehouseFigures::ownFirst))
                        .merge(key.owner(), value, BigDecimal::add);
            }
        });
        List<OwnerValue> result = new ArrayList<>();
        sums.forEach((w, owners) ->
                owners.forEach((o, v) -> result.add(new OwnerValue(w, o, v.setScale(2, RoundingMode.HALF_UP)))));
        return result;
    }

    /** Every day of the period, oldest first, also the days without movements. */
    public static List<Day> days(Map<SnapshotKey, List<DailyFigures>> rowsByKey, Period period) {
        int n = period.days();
        BigDecimal[] received = filled(n);
        BigDecimal[] issued = filled(n);
        Map<String, BigDecimal[]> closingByItemWarehouse = new HashMap<>();
        Map<String, Boolean> demand = new HashMap<>();
        rowsByKey.forEach((key, rows) -> {
            String itemWarehouse = key.item() + "\u0000" + key.warehouse();
            boolean had = false;
            for (DailyFigures row : rows) {
                if (period.contains(row.day())) {
                    int d = (int) java.time.temporal.ChronoUnit.DAYS.between(period.from(), row.day());
                    received[d] = received[d].add(row.receiptQty());
                    issued[d] = issued[d].add(row.issueQty());
                    had |= row.demandQty().signum() > 0;
                }
            }
            demand.merge(itemWarehouse, had, Boolean::logicalOr);
            BigDecimal[] closing = closingByItemWarehouse.computeIfAbsent(itemWarehouse, k -> filled(n));
            BigDecimal[] qty = new DailySeries(rows, period).qty;
            for (int d = 0; d < n; d++) {
                closing[d] = closing[d].add(qty[d]);
            }
        });
        int[] stockouts = new int[n];
        closingByItemWarehouse.forEach((itemWarehouse, closing) -> {
            if (demand.get(itemWarehouse)) {
                for (int d = 0; d < n; d++) {
                    stockouts[d] += closing[d].signum() <= 0 ? 1 : 0;
                }
            }
        });
        List<Day> result = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            result.add(new Day(period.from().plusDays(d), received[d], issued[d], stockouts[d]));
        }
        return result;
    }

    /** Own stock first, then the suppliers' consignment by code. */
    private static int ownFirst(String a, String b) {
        boolean ownA = SnapshotKey.OWN.equals(a);
        boolean ownB = SnapshotKey.OWN.equals(b);
        return ownA == ownB ? a.compareTo(b) : ownA ? -1 : 1;
    }

    private static BigDecimal[] filled(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }
}
