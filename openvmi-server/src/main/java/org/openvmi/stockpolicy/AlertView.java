package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import java.time.Instant;

/** An alert as the API and the alert centre show it. */
public record AlertView(long id, AlertType type, AlertStatus status, String item, String itemName, String unit,
                        String warehouse, String supplier, BigDecimal stockAtRaise, BigDecimal line, Instant raisedAt,
                        Instant acknowledgedAt, String acknowledgedBy, String ackComment, BigDecimal stockAtResolve,
                        Instant resolvedAt, String resolvedBy, String resolveComment) {
}
