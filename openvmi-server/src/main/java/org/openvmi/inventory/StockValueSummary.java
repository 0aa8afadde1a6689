package org.openvmi.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * The value of a filtered stock list, split into own stock (the buyer's asset: capital tied up) and consignment stock
 * (the suppliers' property until consumed, never counted as the buyer's asset), in total and per warehouse.
 * Unpriced consignment lines (no supplier price) count in {@code unvaluedLines} instead.
 */
public record StockValueSummary(
        BigDecimal ownValue,
        BigDecimal consignmentValue,
        long lines,
        long unvaluedLines,
        List<WarehouseValue> warehouses) {

    /** Own and consignment value of one warehouse. */
    public record WarehouseValue(String warehouse, BigDecimal ownValue, BigDecimal consignmentValue) {}
}
