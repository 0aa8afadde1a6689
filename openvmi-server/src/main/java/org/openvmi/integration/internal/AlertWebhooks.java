package org.openvmi.integration.internal;

import static org.openvmi.integration.internal.Payloads.plain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.stockpolicy.AlertRaised;
import org.openvmi.stockpolicy.AlertResolved;
import org.openvmi.stockpolicy.AlertsChanged;
import org.springframework.stereotype.Component;

/**
 * alert.raised and alert.resolved, written to the outbox in the judging transaction; the ordering key is the item at
 * its warehouse. Data: {@code {"alertId":…,"type":…,"item":…,"warehouse":…,…}}.
 */
@Component
class AlertWebhooks {

    private final EventOutbox outbox;

    AlertWebhooks(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** One batch of alerts (one judgement): one event per alert raised or resolved. */
    @OutboxListener
    public void on(AlertsChanged changed) {
        List<OutboundEvent> out = new ArrayList<>();
        changed.raised().forEach(e -> out.add(raised(e)));
        changed.resolved().forEach(e -> out.add(resolved(e)));
        outbox.publishAll(out);
    }

    private static OutboundEvent raised(AlertRaised e) {
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
        return new OutboundEvent(
                WebhookEventTypes.ALERT_RAISED,
                "alert.raised:" + e.alertId() + ":" + e.type() + ":"
                        + e.raisedAt().toEpochMilli(),
                key(e.item(), e.warehouse()),
                null,
                e.raisedAt(),
                data);
    }

    private static OutboundEvent resolved(AlertResolved e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", e.alertId());
        data.put("type", e.type().name());
        data.put("item", e.item());
        data.put("warehouse", e.warehouse());
        data.put("stock", plain(e.stock()));
        data.put("resolvedAt", e.resolvedAt().toString());
        data.put("resolvedBy", e.by());
        return new OutboundEvent(
                WebhookEventTypes.ALERT_RESOLVED,
                "alert.resolved:" + e.alertId(),
                key(e.item(), e.warehouse()),
                null,
                e.resolvedAt(),
                data);
    }

    static String key(String item, String warehouse) {
        return item + "@" + (warehouse == null ? "-" : warehouse);
    }
}
