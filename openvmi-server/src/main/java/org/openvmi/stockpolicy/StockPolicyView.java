package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stock policy as the API shows it; {@code location} is the warehouse code (the stocking point). {@code
 * serviceLevelSetBy} names who set {@code serviceLevel} as a target (a login, or {@code rule:<id>}); null when the
 * level is the last planning run's. Planning runs plan a pair with a target at that level and never overwrite it.
 */
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
        String serviceLevelSetBy,
        PolicyMode mode,
        Instant plannedAt,
        Instant updatedAt,
        String updatedBy,
        int version) {}
