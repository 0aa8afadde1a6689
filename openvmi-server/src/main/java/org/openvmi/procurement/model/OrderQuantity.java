package org.openvmi.procurement.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The quantity to order: at least the MOQ, then up to a whole number of packs. */
public final class OrderQuantity {

    private OrderQuantity() {}

    public static BigDecimal round(BigDecimal needed, BigDecimal moq, BigDecimal packSize) {
        BigDecimal q = needed;
        if (moq != null && moq.signum() > 0 && q.compareTo(moq) < 0) {
            q = moq;
        }
        if (packSize != null && packSize.signum() > 0) {
            BigDecimal packs = q.divide(packSize, 0, RoundingMode.CEILING);
            q = packs.multiply(packSize);
        }
        return q.stripTrailingZeros().scale() < 0 ? q.setScale(0) : q.stripTrailingZeros();
    }
}
