package org.openvmi.integration.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.procurement.OverdueSupplyView;
import org.openvmi.procurement.SupplyOverdue;
import org.openvmi.procurement.SupplyOverdueResolved;
import org.springframework.stereotype.Component;

/** supply.overdue (a PO line or shipment notice line passed its date unreceived) and supply.overdue.resolved. */
@Component
class OverdueSupplyWebhooks {

    private final EventOutbox outbox;
    private final Clock clock;

    OverdueSupplyWebhooks(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @OutboxListener
    public void on(SupplyOverdue e) {
        publish(WebhookEventTypes.SUPPLY_OVERDUE, "supply.overdue:" + e.alert().id(), e.alert());
    }

    @OutboxListener
    public void on(SupplyOverdueResolved e) {
        publish(
                WebhookEventTypes.SUPPLY_OVERDUE_RESOLVED,
                "supply.overdue.resolved:" + e.alert().id(),
                e.alert());
    }

    private void publish(String type, String dedup, OverdueSupplyView a) {
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
        data.put("openQty", Payloads.plain(a.openQty()));
        data.put("daysLate", a.daysLate());
        outbox.publish(new OutboundEvent(type, dedup, "supply-overdue:" + a.id(), a.supplier(), clock.instant(), data));
    }
}
