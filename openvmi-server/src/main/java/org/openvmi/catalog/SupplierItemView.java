package org.openvmi.catalog;

import java.math.BigDecimal;

/** One line of a supplier's source list: what it supplies, at what price, MOQ, pack size and lead time. */
public record SupplierItemView(
        long id,
        String supplier,
        String item,
        String itemName,
        String supplierPartNo,
        BigDecimal price,
        String currency,
        BigDecimal moq,
        BigDecimal packSize,
        int leadTimeDays,
        boolean primary,
        int version) {}
