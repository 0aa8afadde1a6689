package org.openvmi.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.integration.EventProperties;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way out for business events (ADR 0062): each event gets an id and its envelope, is written once to the
 * event outbox (for RabbitMQ) and queued for every active webhook subscription to its type that may see it (a
 * supplier's subscription only its own supplier's events), all in the caller's transaction.
 *
 * <p>The envelope: {@code {"id","type","version","occurredAt","key","supplier","event","data"}}; {@code event}
 * repeats {@code type} for webhook receivers written against the first webhook payloads.
 */
@Component
class EventOutbox {

    private final EventRepository events;
    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final CatalogRefs catalog;
    private final EventProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    EventOutbox(
            EventRepository events,
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            CatalogRefs catalog,
            EventProperties properties,
            JsonMapper json,
            Clock clock) {
        this.events = events;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    void publish(OutboundEvent event) {
        publishAll(List.of(event));
    }

    /** Writes the events in their order (ids ascending). */
    void publishAll(List<OutboundEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> codes = batch.stream()
                .map(OutboundEvent::supplier)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, Long> supplierIds = codes.isEmpty() ? Map.of() : catalog.suppliers(codes);
        Map<String, List<WebhookRepository.Subscriber>> subscribers = new HashMap<>();
        Instant now = clock.instant();
        String brokerStatus = properties.brokerEnabled() ? "PENDING" : "OFF";
        for (OutboundEvent e : batch) {
            String id = UUID.randomUUID().toString();
            String envelope = json.writeValueAsString(envelope(id, e));
            Long supplierId = e.supplier() == null ? null : supplierIds.get(e.supplier());
            if (!events.insert(id, e, WebhookEventTypes.VERSION, supplierId, envelope, brokerStatus, now)) {
                continue;
            }
            for (WebhookRepository.Subscriber s : subscribers.computeIfAbsent(e.type(), webhooks::subscribers)) {
                if (s.supplierId() == null || s.supplierId().equals(supplierId)) {
                    deliveries.enqueue(s.id(), e.type(), e.dedupKey(), e.key(), id, envelope, now);
                }
            }
        }
    }

    private static Map<String, Object> envelope(String id, OutboundEvent e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", e.type());
        body.put("version", WebhookEventTypes.VERSION);
        body.put("occurredAt", e.occurredAt().toString());
        body.put("key", e.key());
        body.put("supplier", e.supplier());
        body.put("event", e.type());
        body.put("data", e.data());
        return body;
    }
}
