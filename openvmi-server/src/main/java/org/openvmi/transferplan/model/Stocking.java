package org.openvmi.transferplan.model;

import java.math.BigDecimal;

/**
 * One item at one warehouse as the plan sees it. {@code availableNow}: projected available today (availability);
 * {@code lowestInLeadTime}: the lowest projected available from today through the lead time (availability's open
 * lines); {@code physical}: own stock on hand minus reserved (what can leave now); {@code dailyDemand} from the demand
 * history (null: none recorded, unknown); the three lines of the stock policy, null when the item has none there.
 */
public record Stocking(
        long itemId,
        long warehouseId,
        BigDecimal availableNow,
        BigDecimal lowestInLeadTime,
        BigDecimal physical,
        BigDecimal dailyDemand,
        BigDecimal safety,
        BigDecimal warning,
        BigDecimal max) {

    public boolean hasPolicy() {
        return safety != null;
    }

    public BigDecimal safetyOrZero() {
        return safety == null ? BigDecimal.ZERO : safety;
    }

    /** Days the available stock lasts at the daily demand; null when there is no demand (it lasts for ever). */
    public BigDecimal daysOfCover() {
        if (dailyDemand == null || dailyDemand.signum() <= 0) {
            return null;
        }
        return availableNow.max(BigDecimal.ZERO).divide(dailyDemand, 1, java.math.RoundingMode.HALF_UP);
    }
}
