package org.openvmi.integration;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook; its secret is write-only and never part of it. {@code supplier}: the supplier whose events it
 * receives (a supplier user's subscription), null for the buyer's (ADMIN) subscriptions that receive all.
 */
public record WebhookView(
        long id,
        String url,
        List<String> eventTypes,
        boolean active,
        String description,
        Instant createdAt,
        String createdBy,
        String supplier) {}
