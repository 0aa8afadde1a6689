package org.openvmi.integration;

import java.time.Instant;
import java.util.List;

/** A registered webhook; its secret is write-only and never part of it. */
public record WebhookView(
        long id,
        String url,
        List<String> eventTypes,
        boolean active,
        String description,
        Instant createdAt,
        String createdBy) {}
