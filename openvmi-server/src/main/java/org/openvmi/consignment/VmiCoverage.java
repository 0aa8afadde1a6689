package org.openvmi.consignment;

import java.math.BigDecimal;

/**
 * An item in a warehouse that a supplier replenishes under an agreement in force: the supplier, the VMI zone and the
 * line's MOQ and pack size. Planning suggests VMI replenishment (a call-off) for these instead of a purchase.
 */
public record VmiCoverage(
        long itemId,
        long warehouseId,
        long supplierId,
        String supplier,
        String location,
        BigDecimal moq,
        BigDecimal packSize) {}
