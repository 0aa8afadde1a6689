package org.openvmi.integration.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.integration.model.WebhookEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.stockpolicy.AlertRaised;
import org.openvmi.stockpolicy.AlertResolved;
import org.openvmi.stockpolicy.AlertsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * alert.raised and alert.resolved for webhooks. Runs after the alert's transaction committed, from the event
 * publication registry (handed over again after a crash), and queues one delivery per matching subscription.
 * The payload: {@code {"event":"alert.raised","occurredAt":…,"data":{"alertId":…,"type":…,"item":…,…}}}.
 */
@Component
class AlertWebhooks {

    private final WebhookOutbox outbox;
    private final JsonMapper json;

    AlertWebhooks(WebhookOutbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** One batch of alerts (one judgement): one webhook event per alert raised or resolved. */
    @ApplicationModuleListener
    public void on(AlertsChanged changed) {
        // subscriptions are looked up once per batch: a planning run raising thousands of alerts without any
        // subscriber costs two queries per batch, not one per alert
        List<Long> toRaised =
                changed.raised().isEmpty() ? List.of() : outbox.subscribersOf(WebhookEventTypes.ALERT_RAISED);
        List<Long> toResolved =
                changed.resolved().isEmpty() ? List.of() : outbox.subscribersOf(WebhookEventTypes.ALERT_RESOLVED);
        if (!toRaised.isEmpty()) {
            changed.raised().forEach(e -> raised(e, toRaised));
        }
        if (!toResolved.isEmpty()) {
            changed.resolved().forEach(e -> resolved(e, toResolved));
        }
    }

    private void raised(AlertRaised e, List<Long> subscribers) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", e.alertId());
        data.put("type", e.type().name());
        data.put("item", e.item());
        data.put("itemName", e.itemName());
        data.put("unit", e.unit());
        data.put("warehouse", e.warehouse());
        data.put("stock", plain(e.stock()));
        data.put("line", plain(e.line()));
        data.put("raisedAt", e.raisedAt().toString());
        publish(
                WebhookEventTypes.ALERT_RAISED,
                "alert.raised:" + e.alertId() + ":" + e.type() + ":"
                        + e.raisedAt().toEpochMilli(),
                e.raisedAt().toString(),
                data,
                subscribers);
    }

    private void resolved(AlertResolved e, List<Long> subscribers) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", e.alertId());
        data.put("type", e.type().name());
        data.put("item", e.item());
        data.put("warehouse", e.warehouse());
        data.put("stock", plain(e.stock()));
        data.put("resolvedAt", e.resolvedAt().toString());
        data.put("resolvedBy", e.by());
        publish(
                WebhookEventTypes.ALERT_RESOLVED,
                "alert.resolved:" + e.alertId(),
                e.resolvedAt().toString(),
                data,
                subscribers);
    }

    private void publish(String type, String key, String occurredAt, Map<String, Object> data, List<Long> subscribers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", type);
        body.put("occurredAt", occurredAt);
        body.put("data", data);
        outbox.publish(new WebhookEvent(type, key, json.writeValueAsString(body)), subscribers);
    }

    private static BigDecimal plain(BigDecimal q) {
        return q == null
                ? null
                : q.signum() == 0
                        ? BigDecimal.ZERO
                        : new BigDecimal(q.stripTrailingZeros().toPlainString());
    }
}
