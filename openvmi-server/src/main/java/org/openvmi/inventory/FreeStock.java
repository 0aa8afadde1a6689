package org.openvmi.inventory;

import java.math.BigDecimal;

/**
 * Free own stock of an item at one location and lot: on hand − reserved, what may still be reserved there. The
 * balance row's id and the location's id come with it so a caller can reserve exactly this row without resolving
 * codes again ({@link Reservations#reserveAll}).
 */
public record FreeStock(
        long itemId, long warehouseId, String location, String lot, BigDecimal free, long balanceId, long locationId) {

    /** Without the row's ids (tests and callers that only show the figure). */
    public FreeStock(long itemId, long warehouseId, String location, String lot, BigDecimal free) {
        this(itemId, warehouseId, location, lot, free, 0L, 0L);
    }
}
