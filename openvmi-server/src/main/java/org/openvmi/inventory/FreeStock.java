package org.openvmi.inventory;

import java.math.BigDecimal;

/** Free own stock of an item at one location and lot: on hand − reserved, what may still be reserved there. */
public record FreeStock(long itemId, long warehouseId, String location, String lot, BigDecimal free) {}
