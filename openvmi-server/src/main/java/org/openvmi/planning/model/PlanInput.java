package org.openvmi.planning.model;

import java.math.BigDecimal;

/**
 * Everything a plan of one item at one warehouse needs: weekly demand (stockouts imputed), the lead time in days,
 * the service target, the horizon and today's stock, and the primary source (null when the item has none).
 */
public record PlanInput(long itemId, long warehouseId, double[] weekly, int stockoutWeeks, LeadTimeStats leadTime,
                        double serviceLevel, int horizonDays, BigDecimal onHand, BigDecimal reserved,
                        BigDecimal inTransit, BigDecimal ownOnHand, Source source, boolean vmi) {

    /** Where a purchase goes: supplier, MOQ and pack size. */
    public record Source(long supplierId, BigDecimal moq, BigDecimal packSize) {
    }

    public BigDecimal inventoryPosition() {
        return onHand.add(inTransit).subtract(reserved);
    }

    public int horizonWeeks() {
        return Math.max(1, (horizonDays + 6) / 7);
    }
}
