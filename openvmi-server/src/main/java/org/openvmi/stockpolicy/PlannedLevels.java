package org.openvmi.stockpolicy;

import java.math.BigDecimal;

/** Lines computed by a planning run for one item in one warehouse (warning = reorder point, max = order-up-to). */
public record PlannedLevels(
        long itemId,
        long warehouseId,
        BigDecimal safety,
        BigDecimal warning,
        BigDecimal max,
        BigDecimal serviceLevel) {}
