package org.openvmi.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>An event nothing consumes is not written (ADR 0066): with the broker off, a row would be written {@code OFF} and
 * never read again, so an event is written only when the broker is on or at least one active subscription may see
 * it (its deliveries are queued in the same transaction). {@code openvmi.events.keep-unconsumed=true} writes them
 * anyway, as {@code OFF} rows kept for the retention (an audit trail; the demo test validates them).
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

    /**
     * Whether an event of this type would be written at all (ADR 0066): the broker is on, unconsumed events are kept,
     * or an active subscription to the type exists (read in the caller's transaction, as {@link #publishAll} does).
     * Lets a listener skip building events nobody receives; {@link #publishAll} applies the same rule per event.
     */
    boolean consumed(String type) {
        return properties.brokerEnabled()
                || properties.keepUnconsumed()
                || !webhooks.subscribers(type).isEmpty();
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
        boolean writeAll = properties.brokerEnabled() || properties.keepUnconsumed();
        for (OutboundEvent e : batch) {
            Long supplierId = e.supplier() == null ? null : supplierIds.get(e.supplier());
            List<WebhookRepository.Subscriber> receivers = new ArrayList<>();
            for (WebhookRepository.Subscriber s : subscribers.computeIfAbsent(e.type(), webhooks::subscribers)) {
                if (s.supplierId() == null || s.supplierId().equals(supplierId)) {
                    receivers.add(s);
                }
            }
            if (!writeAll && receivers.isEmpty()) {
                // nothing would ever read the row (ADR 0066): no broker, and no subscription that may see it
                continue;
            }
            String id = UUID.randomUUID().toString();
            String envelope = json.writeValueAsString(envelope(id, e));
            if (!events.insert(id, e, WebhookEventTypes.VERSION, supplierId, envelope, brokerStatus, now)) {
                continue;
            }
            for (WebhookRepository.Subscriber s : receivers) {
                deliveries.enqueue(s.id(), e.type(), e.dedupKey(), e.key(), id, envelope, now);
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
