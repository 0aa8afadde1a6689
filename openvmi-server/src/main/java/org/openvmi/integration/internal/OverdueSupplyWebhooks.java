package org.openvmi.integration.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvmi.integration.model.WebhookEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.procurement.OverdueSupplyView;
import org.openvmi.procurement.SupplyOverdue;
import org.openvmi.procurement.SupplyOverdueResolved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** supply.overdue (a PO line or shipment notice line passed its date unreceived) and supply.overdue.resolved. */
@Component
class OverdueSupplyWebhooks {

    private final WebhookOutbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    OverdueSupplyWebhooks(WebhookOutbox outbox, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(SupplyOverdue e) {
        publish(WebhookEventTypes.SUPPLY_OVERDUE, "supply.overdue:" + e.alert().id(), e.alert());
    }

    @ApplicationModuleListener
    public void on(SupplyOverdueResolved e) {
        publish(
                WebhookEventTypes.SUPPLY_OVERDUE_RESOLVED,
                "supply.overdue.resolved:" + e.alert().id(),
                e.alert());
    }

    private void publish(String type, String key, OverdueSupplyView a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alert", a.id());
        data.put("kind", a.kind().name());
        data.put("purchaseOrder", a.purchaseOrder());
        data.put("number", a.poNumber());
        data.put("line", a.poLine());
        data.put("shipmentNotice", a.shipmentNotice());
        data.put("supplier", a.supplier());
        data.put("item", a.item());
        data.put("warehouse", a.warehouse());
        data.put("dueOn", a.dueOn().toString());
        data.put("openQty", plain(a.openQty()));
        data.put("daysLate", a.daysLate());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", type);
        body.put("occurredAt", clock.instant().toString());
        body.put("data", data);
        outbox.publish(new WebhookEvent(type, key, json.writeValueAsString(body)));
    }

    private static BigDecimal plain(BigDecimal q) {
        return q == null
                ? null
                : q.signum() == 0
                        ? BigDecimal.ZERO
                        : new BigDecimal(q.stripTrailingZeros().toPlainString());
    }
}
