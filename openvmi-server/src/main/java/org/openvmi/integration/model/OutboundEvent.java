package org.openvmi.integration.model;

import java.time.Instant;
import java.util.Map;

/**
 * One business event on its way out (to RabbitMQ and webhooks).
 *
 * @param type       e.g. "purchase-order.sent" ({@link WebhookEventTypes})
 * @param dedupKey   unique per business fact: the same fact handled twice is one event with one id
 * @param key        the ordering key: events of one key are delivered in the order they happened (e.g. item@warehouse,
 *                   or the document)
 * @param supplier   the code of the supplier the event belongs to, or null for the buyer's own events (alerts, stock, channels)
 * @param occurredAt when it happened
 * @param data       the payload, as documented in docs/events (JSON Schema per type and version)
 */
public record OutboundEvent(
        String type, String dedupKey, String key, String supplier, Instant occurredAt, Map<String, Object> data) {

    public OutboundEvent {
        dedupKey = cut(dedupKey, 120);
        key = cut(key, 200);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
