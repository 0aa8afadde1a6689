package org.openvmi.transferplan.model;

import java.math.BigDecimal;

/**
 * What the plan needs to know of an item: its pack size (transfers and purchases move whole packs), the purchase price
 * per unit of its primary source (null: it cannot be bought) and that source's lead time in days.
 */
public record ItemTerms(long itemId, BigDecimal packSize, BigDecimal purchasePrice, int leadTimeDays) {

    public ItemTerms {
        if (packSize == null || packSize.signum() <= 0) {
            packSize = BigDecimal.ONE;
        }
    }
}
