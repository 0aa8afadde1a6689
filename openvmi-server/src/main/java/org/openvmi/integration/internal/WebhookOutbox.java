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
        var now = clock.instant();
        for (long subscription : webhooks.activeFor(event.type())) {
            deliveries.enqueue(subscription, event.type(), event.key(), event.payload(), now);
        }
    }
}
