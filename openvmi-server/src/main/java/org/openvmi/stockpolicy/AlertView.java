package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An alert as the API and the alert centre show it. {@code ruleId}, {@code severity} (INFO, WARNING, CRITICAL) and
 * {@code message} (in the reader's language) are set for a RULE alert only.
 */
public record AlertView(
        long id,
        AlertType type,
        AlertStatus status,
        String item,
        String itemName,
        String unit,
        String warehouse,
        String supplier,
        BigDecimal stockAtRaise,
        BigDecimal line,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String ackComment,
        BigDecimal stockAtResolve,
        Instant resolvedAt,
        String resolvedBy,
        String resolveComment,
        Long ruleId,
        String severity,
        String message) {}
