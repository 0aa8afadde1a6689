package org.openvmi.catalog;

import java.math.BigDecimal;
import java.util.List;

/** An item as the API and UI show it. */
public record ItemView(
        long id,
        String code,
        String name,
        String uom,
        String category,
        BigDecimal unitCost,
        boolean lotTracked,
        List<String> barcodes,
        int version) {}
