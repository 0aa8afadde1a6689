package org.openvmi.notification;

import java.time.Instant;
import java.util.List;
import org.openvmi.stockpolicy.AlertType;

/**
 * A group robot as listed (ADR 0076): its address without the query that holds the key or token, never its secret
 * ({@code signed} says whether one is stored); its scope (null = all), the notices it hears, and how its last message
 * went (PENDING, SENT or FAILED with the error: {@code lastErrorCode} a stable code as the mail log's, ADR 0084).
 */
public record GroupRobotView(
        long id,
        String name,
        NotificationChannel kind,
        String address,
        boolean signed,
        String warehouse,
        String supplier,
        boolean alerts,
        List<AlertType> alertTypes,
        boolean approvals,
        boolean toShip,
        String language,
        boolean enabled,
        String lastStatus,
        String lastError,
        String lastErrorCode,
        Instant lastAt) {}
