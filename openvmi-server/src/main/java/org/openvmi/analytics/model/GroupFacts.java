package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Group-level summable facts (ADR 0079): per warehouse × owner and day, the change of the closing value (a value is
 * carried forward, so it is kept as the delta on the day it changes), the day's flows, and the stockout facts of the
 * month rule (docs/kpis.md): on a month's first day the number of keys (per owner) or item × warehouses (owner
 * {@link #ALL_OWNERS}, all owners' stock together) with demand in that calendar month, and per day the change of the
 * number of them at zero. A period's figures are sums over ~days × groups rows whatever the number of keys.
 *
 * <p>{@link #add} adds (sign +1) or takes away (sign −1) what one item × warehouse's rows from a month start on
 * contribute, given each key's state before that day: the snapshot job adds the rows after a batch and takes away
 * the rows before it, for the item × warehouses the batch touched; a rebuild adds every item × warehouse from its
 * first month.
 */
public final class GroupFacts {

    /** The owner of the item × warehouse-level stockout facts (every owner's stock together). */
    public static final String ALL_OWNERS = "*";

    public record Group(String warehouse, String owner, LocalDate day) {}

    /** The facts of one group and day. */
    public static final class Day {
        public BigDecimal valueDelta = BigDecimal.ZERO;
        public BigDecimal receiptQty = BigDecimal.ZERO;
        public BigDecimal issueQty = BigDecimal.ZERO;
        public BigDecimal issueCost = BigDecimal.ZERO;
        public BigDecimal demandQty = BigDecimal.ZERO;
        public long zeroDelta;
        public long demandCount;

        public boolean isZero() {
            return valueDelta.signum() == 0
                    && receiptQty.signum() == 0
                    && issueQty.signum() == 0
                    && issueCost.signum() == 0
                    && demandQty.signum() == 0
                    && zeroDelta == 0
                    && demandCount == 0;
        }
    }

    /** A key's closing quantity and value before the first day given to {@link #add}. */
    public record Opening(BigDecimal qty, BigDecimal value) {
        public static final Opening NONE = new Opening(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private final Map<Group, Day> days = new HashMap<>();

    public Map<Group, Day> days() {
        return days;
    }

    private Day at(String warehouse, String owner, LocalDate day) {
        return days.computeIfAbsent(new Group(warehouse, owner, day), g -> new Day());
    }

    /**
     * Adds {@code sign} × the contribution of one item × warehouse: {@code rows} the rows of its keys from
     * {@code since} (a month's first day) on, sorted by day; {@code openings} their state before {@code since}
     * (missing: none). Every key with an opening or rows counts.
     */
    public void add(
            LocalDate since, Map<SnapshotKey, Opening> openings, Map<SnapshotKey, List<DailyFigures>> rows, int sign) {
        BigDecimal s = BigDecimal.valueOf(sign);
        String warehouse = null;
        Map<LocalDate, BigDecimal> subjectChanges = new TreeMap<>();
        Set<YearMonth> subjectDemand = new TreeSet<>();
        BigDecimal subjectOpening = BigDecimal.ZERO;
        Set<SnapshotKey> keys = new java.util.HashSet<>(openings.keySet());
        keys.addAll(rows.keySet());
        for (SnapshotKey k : keys) {
            warehouse = k.warehouse();
            Opening open = openings.getOrDefault(k, Opening.NONE);
            subjectOpening = subjectOpening.add(open.qty());
            List<DailyFigures> list = rows.getOrDefault(k, List.of());
            BigDecimal value = open.value();
            BigDecimal qty = open.qty();
            List<LocalDate> changeDays = new ArrayList<>();
            List<BigDecimal> changeQty = new ArrayList<>();
            Set<YearMonth> demand = new TreeSet<>();
            for (DailyFigures r : list) {
                if (r.day().isBefore(since)) {
                    continue;
                }
                Day d = at(k.warehouse(), k.owner(), r.day());
                d.valueDelta = d.valueDelta.add(r.closingValue().subtract(value).multiply(s));
                d.receiptQty = d.receiptQty.add(r.receiptQty().multiply(s));
                d.issueQty = d.issueQty.add(r.issueQty().multiply(s));
                d.issueCost = d.issueCost.add(r.issueCost().multiply(s));
                d.demandQty = d.demandQty.add(r.demandQty().multiply(s));
                subjectChanges.merge(r.day(), r.closingQty().subtract(qty), BigDecimal::add);
                value = r.closingValue();
                qty = r.closingQty();
                changeDays.add(r.day());
                changeQty.add(qty);
                if (r.demandQty().signum() > 0) {
                    demand.add(YearMonth.from(r.day()));
                }
            }
            subjectDemand.addAll(demand);
            stockout(k.warehouse(), k.owner(), open.qty(), changeDays, changeQty, demand, sign);
        }
        if (warehouse == null) {
            return;
        }
        List<LocalDate> changeDays = new ArrayList<>();
        List<BigDecimal> changeQty = new ArrayList<>();
        BigDecimal q = subjectOpening;
        for (Map.Entry<LocalDate, BigDecimal> e : subjectChanges.entrySet()) {
            q = q.add(e.getValue());
            changeDays.add(e.getKey());
            changeQty.add(q);
        }
        stockout(warehouse, ALL_OWNERS, subjectOpening, changeDays, changeQty, subjectDemand, sign);
    }

    /**
     * The month rule's facts of one series of closing quantities (carried from {@code opening} and each change day
     * on): for each month with demand, one count on its first day and the days at zero as deltas inside the month.
     */
    private void stockout(
            String warehouse,
            String owner,
            BigDecimal opening,
            List<LocalDate> changeDays,
            List<BigDecimal> changeQty,
            Set<YearMonth> demandMonths,
            int sign) {
        for (YearMonth m : demandMonths) {
            LocalDate start = m.atDay(1);
            LocalDate next = m.plusMonths(1).atDay(1);
            at(warehouse, owner, start).demandCount += sign;
            // the quantity carried into the month's first day
            BigDecimal q = opening;
            int i = 0;
            while (i < changeDays.size() && !changeDays.get(i).isAfter(start)) {
                q = changeQty.get(i);
                i++;
            }
            boolean zero = q.signum() <= 0;
            if (zero) {
                at(warehouse, owner, start).zeroDelta += sign;
            }
            for (; i < changeDays.size() && changeDays.get(i).isBefore(next); i++) {
                boolean z = changeQty.get(i).signum() <= 0;
                if (z != zero) {
                    at(warehouse, owner, changeDays.get(i)).zeroDelta += z ? sign : -sign;
                    zero = z;
                }
            }
            if (zero) {
                at(warehouse, owner, next).zeroDelta -= sign;
            }
        }
    }

    /** Drops the groups whose facts cancelled out. */
    public void prune() {
        days.values().removeIf(Day::isZero);
    }

    /**
     * The month rule of the stockout rate for one item × warehouse (or one key) over a period: the days of the period
     * in the calendar months in which it had demand (issued or refused, anywhere in the month), and of them the days
     * closing at zero (its keys' stock together) or with a refusal. {@code rows}: each key's rows sorted by day, the
     * period's and those before it (the opening) and, for the demand of the period's last month, those after it;
     * {@code refusedDays}: the days with a refused issue or consumption.
     */
    public static long[] stockoutDays(
            java.util.Collection<List<DailyFigures>> rows, Set<LocalDate> refusedDays, Period period) {
        Set<YearMonth> demand = new java.util.HashSet<>();
        for (List<DailyFigures> list : rows) {
            for (DailyFigures r : list) {
                if (r.demandQty().signum() > 0 || r.refusedQty().signum() > 0) {
                    demand.add(YearMonth.from(r.day()));
                }
            }
        }
        refusedDays.forEach(d -> demand.add(YearMonth.from(d)));
        long zero = 0;
        long counted = 0;
        List<DailySeries> series = new ArrayList<>();
        for (List<DailyFigures> list : rows) {
            series.add(new DailySeries(list, period));
        }
        for (int d = 0; d < period.days(); d++) {
            LocalDate day = period.from().plusDays(d);
            if (!demand.contains(YearMonth.from(day))) {
                continue;
            }
            counted++;
            if (refusedDays.contains(day)) {
                zero++;
                continue;
            }
            BigDecimal total = BigDecimal.ZERO;
            for (DailySeries s : series) {
                total = total.add(s.qty[d]);
            }
            if (total.signum() <= 0) {
                zero++;
            }
        }
        return new long[] {zero, counted};
    }
}
