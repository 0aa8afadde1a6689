package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * ABC by consumption value and XYZ by demand variability. ABC: items by issue cost, largest first; an item is A while
 * the share of the items before it is below {@code a}, B while below {@code a + b}, else C (items without consumption
 * are C). XYZ: coefficient of variation (population σ ÷ mean) of the demand per calendar month over the whole months
 * of the period when it holds at least {@link #MONTHS_FOR_XYZ} of them (read from the monthly rollup, ADR 0070), else
 * per week from its first day: ≤ {@code x} X, ≤ {@code y} Y, else Z (no demand: Z).
 */
public record AbcXyz(BigDecimal a, BigDecimal b, BigDecimal x, BigDecimal y) {

    public static final AbcXyz DEFAULT =
            new AbcXyz(new BigDecimal("0.80"), new BigDecimal("0.15"), new BigDecimal("0.5"), new BigDecimal("1.0"));

    /** The fewest whole calendar months in a period for XYZ to be read per month rather than per week. */
    public static final int MONTHS_FOR_XYZ = 3;

    public record ItemClass(String item, BigDecimal issueCost, BigDecimal cv, char abc, char xyz) {}

    /** {@code weeklyDemand}: per item, its demand in each week of the period (same length for all). */
    public List<ItemClass> classify(Map<String, BigDecimal> issueCost, Map<String, BigDecimal[]> weeklyDemand) {
        List<String> items = new ArrayList<>(issueCost.keySet());
        items.sort(
                Comparator.comparing((String i) -> issueCost.get(i)).reversed().thenComparing(i -> i));
        BigDecimal total = issueCost.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal before = BigDecimal.ZERO;
        List<ItemClass> result = new ArrayList<>();
        for (String item : items) {
            BigDecimal cost = issueCost.get(item);
            char abc = 'C';
            if (cost.signum() > 0 && total.signum() > 0) {
                BigDecimal share = before.divide(total, MathContext.DECIMAL64);
                abc = share.compareTo(a) < 0 ? 'A' : share.compareTo(a.add(b)) < 0 ? 'B' : 'C';
            }
            before = before.add(cost);
            BigDecimal cv = cv(weeklyDemand.get(item));
            char xyz = cv == null ? 'Z' : cv.compareTo(x) <= 0 ? 'X' : cv.compareTo(y) <= 0 ? 'Y' : 'Z';
            result.add(new ItemClass(item, Ratios.money(cost), cv, abc, xyz));
        }
        return result;
    }

    /** Classifies the items of the rows by their issue cost and weekly demand in the period (weeks from its first day). */
    public List<ItemClass> classify(Map<SnapshotKey, List<DailyFigures>> rowsByKey, Period period) {
        int weeks = (period.days() + 6) / 7;
        Map<String, BigDecimal> cost = new java.util.HashMap<>();
        Map<String, BigDecimal[]> demand = new java.util.HashMap<>();
        rowsByKey.forEach((key, rows) -> {
            BigDecimal[] w = demand.computeIfAbsent(key.item(), i -> {
                BigDecimal[] zeros = new BigDecimal[weeks];
                java.util.Arrays.fill(zeros, BigDecimal.ZERO);
                return zeros;
            });
            cost.putIfAbsent(key.item(), BigDecimal.ZERO);
            for (DailyFigures row : rows) {
                if (period.contains(row.day())) {
                    cost.merge(key.item(), row.issueCost(), BigDecimal::add);
                    int week = (int) (java.time.temporal.ChronoUnit.DAYS.between(period.from(), row.day()) / 7);
                    w[week] = w[week].add(row.demandQty());
                }
            }
        });
        return classify(cost, demand);
    }

    /**
     * Classifies items by their issue cost in the period and their demand in each calendar month {@code a..b} (the
     * whole months of the period; a month without demand counts as zero).
     */
    public List<ItemClass> classifyByMonth(
            Map<String, BigDecimal> issueCost,
            Map<String, Map<YearMonth, BigDecimal>> monthlyDemand,
            YearMonth a,
            YearMonth b) {
        int months = (int) a.until(b, java.time.temporal.ChronoUnit.MONTHS) + 1;
        Map<String, BigDecimal[]> demand = new java.util.HashMap<>();
        for (String item : issueCost.keySet()) {
            BigDecimal[] m = new BigDecimal[months];
            Map<YearMonth, BigDecimal> byMonth = monthlyDemand.getOrDefault(item, Map.of());
            for (int i = 0; i < months; i++) {
                m[i] = byMonth.getOrDefault(a.plusMonths(i), BigDecimal.ZERO);
            }
            demand.put(item, m);
        }
        return classify(issueCost, demand);
    }

    static BigDecimal cv(BigDecimal[] weeks) {
        if (weeks == null || weeks.length == 0) {
            return null;
        }
        double sum = 0;
        for (BigDecimal w : weeks) {
            sum += w.doubleValue();
        }
        double mean = sum / weeks.length;
        if (mean <= 0) {
            return null;
        }
        double squares = 0;
        for (BigDecimal w : weeks) {
            squares += Math.pow(w.doubleValue() - mean, 2);
        }
        return BigDecimal.valueOf(Math.sqrt(squares / weeks.length) / mean).setScale(4, java.math.RoundingMode.HALF_UP);
    }
}
