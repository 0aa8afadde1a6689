package org.openvmi.notification;

import java.time.Instant;

/** One queued mail as the admin's mail log shows it (without its body). */
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
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {}
