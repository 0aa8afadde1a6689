package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import java.time.Instant;

/** One alert resolved, as part of {@link AlertsChanged}: by itself (stock back inside the line, {@code by} = "system") or by a person. */
public record AlertResolved(
        long alertId, AlertType type, String item, String warehouse, BigDecimal stock, Instant resolvedAt, String by) {}
