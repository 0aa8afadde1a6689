package org.openvmi.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule knows of one item × warehouse when it is evaluated (the context of docs/rules.md). Day counts look back
 * {@link #LOOKBACK_DAYS} days: a subject without an issue (receipt) in that window reads {@value #LOOKBACK_DAYS}, so
 * "no issue for 60 days" holds for it. Days of cover without demand are {@value #NO_DEMAND_COVER} when there is
 * stock (it would last forever), 0 without.
 */
public record Facts(
        long itemId,
        long warehouseId,
        String item,
        String warehouse,
        String category,
        String supplier,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal onOrder,
        BigDecimal inTransit,
        BigDecimal committed,
        boolean hasPolicy,
        BigDecimal safety,
        BigDecimal warning,
        BigDecimal max,
        BigDecimal demand30d,
        BigDecimal demand90d,
        int daysSinceLastIssue,
        int daysSinceLastReceipt,
        int stockAgeDays,
        BigDecimal unitCost,
        int supplierLeadTimeDays,
        Outlook outlook) {

    /** A subject whose demand variability is not known (0). */
    public Facts(
            long itemId,
            long warehouseId,
            String item,
            String warehouse,
            String category,
            String supplier,
            BigDecimal onHand,
            BigDecimal reserved,
            BigDecimal onOrder,
            BigDecimal inTransit,
            BigDecimal committed,
            boolean hasPolicy,
            BigDecimal safety,
            BigDecimal warning,
            BigDecimal max,
            BigDecimal demand30d,
            BigDecimal demand90d,
            int daysSinceLastIssue,
            int daysSinceLastReceipt,
            int stockAgeDays,
            BigDecimal unitCost,
            int supplierLeadTimeDays) {
        this(
                itemId,
                warehouseId,
                item,
                warehouse,
                category,
                supplier,
                onHand,
                reserved,
                onOrder,
                inTransit,
                committed,
                hasPolicy,
                safety,
                warning,
                max,
                demand30d,
                demand90d,
                daysSinceLastIssue,
                daysSinceLastReceipt,
                stockAgeDays,
                unitCost,
                supplierLeadTimeDays,
                Outlook.NONE);
    }

    public Facts {
        outlook = outlook == null ? Outlook.NONE : outlook;
    }

    /** The same subject with another outlook. */
    public Facts with(Outlook other) {
        return new Facts(
                itemId,
                warehouseId,
                item,
                warehouse,
                category,
                supplier,
                onHand,
                reserved,
                onOrder,
                inTransit,
                committed,
                hasPolicy,
                safety,
                warning,
                max,
                demand30d,
                demand90d,
                daysSinceLastIssue,
                daysSinceLastReceipt,
                stockAgeDays,
                unitCost,
                supplierLeadTimeDays,
                other);
    }

    public BigDecimal demandCv() {
        return outlook.demandCv();
    }

    /** Days of daily demand {@code demandCv} is measured over (the same window as {@code demand90d}). */
    public static final int CV_DAYS = 90;

    /**
     * The coefficient of variation of daily demand: population standard deviation / mean over the days given
     * (days without demand count as 0), 4 places; 0 when there was no demand at all.
     */
    public static BigDecimal coefficientOfVariation(double[] daily) {
        if (daily.length == 0) {
            return BigDecimal.ZERO;
        }
        double sum = 0;
        for (double d : daily) {
            sum += d;
        }
        double mean = sum / daily.length;
        if (mean <= 0) {
            return BigDecimal.ZERO;
        }
        double squares = 0;
        for (double d : daily) {
            squares += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(squares / daily.length);
        return BigDecimal.valueOf(sd / mean).setScale(4, RoundingMode.HALF_UP);
    }

    public static final int LOOKBACK_DAYS = 366;
    public static final int NO_DEMAND_COVER = 99_999;

    public BigDecimal available() {
        return onHand.subtract(reserved);
    }

    public BigDecimal inventoryPosition() {
        return onHand.add(onOrder).subtract(reserved).subtract(committed);
    }

    public BigDecimal avgDailyDemand() {
        return demand90d.divide(BigDecimal.valueOf(90), 6, RoundingMode.HALF_UP);
    }

    public BigDecimal daysOfCover() {
        BigDecimal available = available();
        if (available.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal daily = avgDailyDemand();
        if (daily.signum() == 0) {
            return BigDecimal.valueOf(NO_DEMAND_COVER);
        }
        return available.divide(daily, 1, RoundingMode.HALF_UP).min(BigDecimal.valueOf(NO_DEMAND_COVER));
    }

    /** z for a 95 % cycle service level, used by {@link #suggestedSafety()}. */
    public static final BigDecimal SERVICE_Z = new BigDecimal("1.65");

    /**
     * A safety line for the demand's variability over the supplier's lead time: 1.65 × demandCv × avgDailyDemand ×
     * √supplierLeadTimeDays (95 % service, daily demand deviation = demandCv × avgDailyDemand), 2 places; 0 without
     * demand or lead time.
     */
    public BigDecimal suggestedSafety() {
        if (supplierLeadTimeDays <= 0) {
            return BigDecimal.ZERO;
        }
        return SERVICE_Z
                .multiply(outlook.demandCv())
                .multiply(avgDailyDemand())
                .multiply(BigDecimal.valueOf(Math.sqrt(supplierLeadTimeDays)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code projectedAvailable(days)}: the timeline's projected available at today + days (negative: today). */
    public double projectedAvailable(long days) {
        return outlook.projection().at(Math.max(0, days));
    }

    public BigDecimal stockValue() {
        return unitCost == null ? BigDecimal.ZERO : onHand.multiply(unitCost);
    }

    /** The values by variable name, typed as CEL expects them (see {@link Variable}). */
    public Map<String, Object> celValues() {
        Map<String, Object> v = new LinkedHashMap<>(64);
        v.put("item", item);
        v.put("warehouse", warehouse);
        v.put("category", category == null ? "" : category);
        v.put("supplier", supplier == null ? "" : supplier);
        v.put("onHand", onHand.doubleValue());
        v.put("reserved", reserved.doubleValue());
        v.put("available", available().doubleValue());
        v.put("onOrder", onOrder.doubleValue());
        v.put("inTransit", inTransit.doubleValue());
        v.put("committed", committed.doubleValue());
        v.put("inventoryPosition", inventoryPosition().doubleValue());
        v.put("hasPolicy", hasPolicy);
        v.put("safety", safety.doubleValue());
        v.put("warning", warning.doubleValue());
        v.put("max", max.doubleValue());
        v.put("demand30d", demand30d.doubleValue());
        v.put("demand90d", demand90d.doubleValue());
        v.put("avgDailyDemand", avgDailyDemand().doubleValue());
        v.put("demandCv", outlook.demandCv().doubleValue());
        v.put("daysOfCover", daysOfCover().doubleValue());
        v.put("daysSinceLastIssue", (long) daysSinceLastIssue);
        v.put("daysSinceLastReceipt", (long) daysSinceLastReceipt);
        v.put("stockAgeDays", (long) stockAgeDays);
        v.put("unitCost", unitCost == null ? 0d : unitCost.doubleValue());
        v.put("stockValue", stockValue().doubleValue());
        v.put("supplierLeadTimeDays", (long) supplierLeadTimeDays);
        v.put("forecast7d", outlook.forecast7d().doubleValue());
        v.put("forecast30d", outlook.forecast30d().doubleValue());
        v.put("projectedAvailable7d", outlook.projectedAvailable7d().doubleValue());
        v.put("projectedAvailable30d", outlook.projectedAvailable30d().doubleValue());
        v.put("supplierOnTimeRate", outlook.supplierOnTimeRate().doubleValue());
        v.put("supplierAvailable", outlook.supplierAvailable().doubleValue());
        v.put("suggestedSafety", suggestedSafety().doubleValue());
        v.put("shortfallElsewhere", outlook.shortfallElsewhere().doubleValue());
        v.put("warehousesBelowSafety", outlook.warehousesBelowSafety());
        v.put("maxCoverElsewhere", outlook.maxCoverElsewhere().doubleValue());
        v.put("abcClass", outlook.abcClass());
        v.put("xyzClass", outlook.xyzClass());
        v.put("channelAvailable", outlook.channels().available());
        v.put("channelAllocated", outlook.channels().allocated());
        v.put("pausedChannels", outlook.channels().paused());
        return v;
    }

    /** The values as people read them (plain decimals, at most 4 places), by variable name. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        celValues().forEach((k, v) -> shown.put(k, show(v)));
        return shown;
    }

    static String show(Object v) {
        if (v instanceof Double d) {
            BigDecimal b =
                    BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        }
        return String.valueOf(v);
    }
}
