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
public record Facts(long itemId, long warehouseId, String item, String warehouse, String category, String supplier,
                    BigDecimal onHand, BigDecimal reserved, BigDecimal onOrder, BigDecimal inTransit,
                    BigDecimal committed, boolean hasPolicy, BigDecimal safety, BigDecimal warning, BigDecimal max,
                    BigDecimal demand30d, BigDecimal demand90d, int daysSinceLastIssue, int daysSinceLastReceipt,
                    int stockAgeDays, BigDecimal unitCost, int supplierLeadTimeDays) {

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

    public BigDecimal stockValue() {
        return unitCost == null ? BigDecimal.ZERO : onHand.multiply(unitCost);
    }

    /** The values by variable name, typed as CEL expects them (see {@link Variable}). */
    public Map<String, Object> celValues() {
        Map<String, Object> v = new LinkedHashMap<>();
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
        v.put("daysOfCover", daysOfCover().doubleValue());
        v.put("daysSinceLastIssue", (long) daysSinceLastIssue);
        v.put("daysSinceLastReceipt", (long) daysSinceLastReceipt);
        v.put("stockAgeDays", (long) stockAgeDays);
        v.put("unitCost", unitCost == null ? 0d : unitCost.doubleValue());
        v.put("stockValue", stockValue().doubleValue());
        v.put("supplierLeadTimeDays", (long) supplierLeadTimeDays);
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
            BigDecimal b = BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        }
        return String.valueOf(v);
    }
}
