package org.openvmi.procurement.model;

import java.math.BigDecimal;

/**
 * A supplier that can deliver an item (a line of its source list), with its available stock when the supplier
 * reported one (null = unknown).
 */
public record SourceOption(
        long supplierId,
        String supplier,
        BigDecimal price,
        String currency,
        BigDecimal moq,
        BigDecimal packSize,
        int leadTimeDays,
        boolean primary,
        BigDecimal available) {

    public SourceOption withAvailable(BigDecimal stock) {
        return new SourceOption(supplierId, supplier, price, currency, moq, packSize, leadTimeDays, primary, stock);
    }
}
