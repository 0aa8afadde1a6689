package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import java.time.Instant;

/** A stock policy as the API shows it; {@code location} is the warehouse code (the stocking point). */
public record StockPolicyView(
        long id,
        String item,
        String itemName,
        String unit,
        String location,
        BigDecimal safety,
        BigDecimal warning,
        BigDecimal max,
        BigDecimal serviceLevel,
        PolicyMode mode,
        Instant plannedAt,
        Instant updatedAt,
        String updatedBy,
        int version) {}
