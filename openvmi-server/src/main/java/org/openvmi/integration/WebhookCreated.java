package org.openvmi.integration;

import java.time.Instant;
import java.util.List;

/** The answer to a registration: the webhook and, this once only, its secret. */
public record WebhookCreated(
        long id,
        String url,
        List<String> eventTypes,
        boolean active,
        String description,
        Instant createdAt,
        String createdBy,
        String supplier,
        String secret) {

    static WebhookCreated of(WebhookView v, String secret) {
        return new WebhookCreated(
                v.id(),
                v.url(),
                v.eventTypes(),
                v.active(),
                v.description(),
                v.createdAt(),
                v.createdBy(),
                v.supplier(),
                secret);
    }
}
