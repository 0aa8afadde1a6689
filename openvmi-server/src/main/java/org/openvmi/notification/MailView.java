package org.openvmi.notification;

import java.time.Instant;

/**
 * One queued mail as the admin's mail log shows it (without its body); {@code lastErrorCode} says why its last attempt
 * failed as a stable code (ADR 0084: {@code httpStatus}, {@code robotRefused}, {@code mailAuth}, {@code timeout}, …;
 * a client treats an unknown one like a missing one), {@code lastError} the English detail.
 */
public record MailView(
        long id,
        String username,
        String to,
        String language,
        String kind,
        String subject,
        String status,
        int attempts,
        String lastError,
        String lastErrorCode,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {}
