package org.openvmi.planning.model;

import java.math.BigDecimal;

/**
 * Everything a plan of one item at one warehouse needs: weekly demand (stockouts imputed), the lead time in days,
 * the service target, the horizon and today's stock, the primary source (null when the item has none), and the
 * lines people set when its stock policy is MANUAL (null otherwise): those stay in force instead of the planned ones.
 */
public record PlanInput(
        long itemId,
        long warehouseId,
        double[] weekly,
        int stockoutWeeks,
        LeadTimeStats leadTime,
        double serviceLevel,
        int horizonDays,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal inTransit,
        BigDecimal onOrder,
        BigDecimal committed,
        BigDecimal ownOnHand,
        Source source,
        boolean vmi,
        Lines manual) {

    /** Safety, warning (reorder point) and max lines. */
    public record Lines(BigDecimal safety, BigDecimal warning, BigDecimal max) {}

    /** Where a purchase goes: supplier, MOQ and pack size. */
    public record Source(long supplierId, BigDecimal moq, BigDecimal packSize) {}

    /** On hand + on order (every inbound line, transfers in transit too) − reserved − committed outbound (ADR 0028). */
    public BigDecimal inventoryPosition() {
        return onHand.add(onOrder).subtract(reserved).subtract(committed);
    }

    public int horizonWeeks() {
        return Math.max(1, (horizonDays + 6) / 7);
    }
}
