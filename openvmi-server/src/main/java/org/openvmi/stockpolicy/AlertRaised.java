package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One alert raised, as part of {@link AlertsChanged} (a posting, a change of lines, a supplier's stock report).
 * {@code warehouse} is null for SUPPLIER_LOW_WATER; {@code supplierIds} are the suppliers the alert concerns (those
 * with the item on their source list, or the reporting supplier), for routing to supplier users.
 */
public record AlertRaised(
        long alertId,
        AlertType type,
        String item,
        String itemName,
        String unit,
        String warehouse,
        BigDecimal stock,
        BigDecimal line,
        Instant raisedAt,
        List<Long> supplierIds) {}
