package org.openvmi.engine.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns a wanted quantity into one a supplier accepts: at least the minimum order quantity, in whole packs.
 * A wanted quantity of zero or less orders nothing. Rounds up (never short of what the policy asked for); the
 * MOQ itself is first rounded up to whole packs. Quantities are exact decimals in the item's unit.
 */
public record OrderRounding(BigDecimal minimumOrder, BigDecimal packSize) {

    public static final OrderRounding NONE = new OrderRounding(BigDecimal.ZERO, BigDecimal.ONE);

    public OrderRounding {
        if (minimumOrder == null || minimumOrder.signum() < 0) {
            throw new IllegalArgumentException("minimum order quantity must be zero or more: " + minimumOrder);
        }
        if (packSize == null || packSize.signum() <= 0) {
            throw new IllegalArgumentException("pack size must be more than zero: " + packSize);
        }
    }

    public BigDecimal round(double wanted) {
        if (!(wanted > 0)) {
            return BigDecimal.ZERO;
        }
        BigDecimal packs = BigDecimal.valueOf(wanted).divide(packSize, 0, RoundingMode.CEILING);
        BigDecimal quantity = packs.multiply(packSize);
        BigDecimal minimum =
                minimumOrder.divide(packSize, 0, RoundingMode.CEILING).multiply(packSize);
        return quantity.max(minimum).stripTrailingZeros();
    }
}
