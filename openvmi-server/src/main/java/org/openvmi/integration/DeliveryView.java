package org.openvmi.integration;

import java.time.Instant;
import java.util.List;

/**
 * One event for one webhook: PENDING (waiting for its next attempt), DELIVERED (a 2xx answer) or FAILED (given up
 * after the maximum attempts; can be redelivered by hand), with every attempt. {@code overtaken}: a FAILED delivery
 * a later delivery of its key (same webhook) has passed already, so sending it again would deliver it out of order;
 * it is sent again only when asked for explicitly ({@code outOfOrder=true}, ADR 0078). {@code lastError} and an
 * attempt's {@code error} are the English text (the status, or the exception and its message); {@code lastErrorCode}
 * and {@code errorCode} their category: {@code httpStatus} (a status other than 2xx, in {@code statusCode}),
 * {@code timeout}, {@code refused}, {@code unknownHost}, {@code tls}, {@code network}, {@code badUrl},
 * {@code interrupted}, {@code other} (ADR 0084).
 */
public record DeliveryView(
        long id,
        String deliveryId,
        long webhookId,
        String eventType,
        String eventKey,
        String status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        String lastErrorCode,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String payload,
        boolean overtaken,
        List<Attempt> attemptLog) {

    /** One POST: when, how long, the receiver's status code or the error. */
    public record Attempt(
            int attemptNo, Instant at, long durationMs, Integer statusCode, String error, String errorCode) {}
}
