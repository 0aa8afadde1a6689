package org.openvmi.integration.internal;

import java.time.Clock;
import org.openvmi.integration.model.WebhookEvent;
import org.springframework.stereotype.Component;

/** Queues an event for every active subscription to its type, in the caller's transaction. */
@Component
class WebhookOutbox {

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    WebhookOutbox(WebhookRepository webhooks, DeliveryRepository deliveries, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    void publish(WebhookEvent event) {
        publish(event, webhooks.activeFor(event.type()));
    }

    /** Queues an event for subscriptions the caller already looked up (a batch of events of one type). */
    void publish(WebhookEvent event, java.util.List<Long> subscriptions) {
        var now = clock.instant();
        for (long subscription : subscriptions) {
            deliveries.enqueue(subscription, event.type(), event.key(), event.payload(), now);
        }
    }

    java.util.List<Long> subscribersOf(String eventType) {
        return webhooks.activeFor(eventType);
    }
}
