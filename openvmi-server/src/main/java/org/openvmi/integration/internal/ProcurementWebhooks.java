package org.openvmi.integration.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvmi.integration.model.WebhookEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.procurement.GoodsReceived;
import org.openvmi.procurement.PurchaseOrderLineCancelled;
import org.openvmi.procurement.PurchaseOrderSent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * purchase-order.sent (a PO went to its supplier: an ERP or the supplier's own system picks it up) and
 * purchase-order.received (one receipt line, with its lead-time fact) and purchase-order.line-cancelled (the buyer
 * cancelled one line: its unreceived rest will not come), after the deciding transaction committed.
 */
@Component
class ProcurementWebhooks {

    private final WebhookOutbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    ProcurementWebhooks(WebhookOutbox outbox, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(PurchaseOrderSent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("purchaseOrder", e.purchaseOrderId());
        data.put("number", e.number());
        data.put("supplier", e.supplier());
        data.put("total", plain(e.total()));
        data.put("currency", e.currency());
        publish(WebhookEventTypes.PURCHASE_ORDER_SENT, "po.sent:" + e.purchaseOrderId(), data);
    }

    @ApplicationModuleListener
    public void on(GoodsReceived e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receipt", e.receiptId());
        data.put("purchaseOrder", e.purchaseOrder());
        data.put("supplier", e.supplier());
        data.put("item", e.item());
        data.put("warehouse", e.warehouse());
        data.put("qty", plain(e.qty()));
        data.put("orderedOn", e.orderedOn().toString());
        data.put("receivedOn", e.receivedOn().toString());
        data.put("promisedOn", e.promisedOn() == null ? null : e.promisedOn().toString());
        data.put("leadTimeDays", e.leadTimeDays());
        data.put("onTime", e.onTime());
        publish(WebhookEventTypes.GOODS_RECEIVED, "po.received:" + e.receiptId() + ":" + e.item(), data);
    }

    @ApplicationModuleListener
    public void on(PurchaseOrderLineCancelled e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("purchaseOrder", e.purchaseOrderId());
        data.put("number", e.number());
        data.put("supplier", e.supplier());
        data.put("warehouse", e.warehouse());
        data.put("line", e.line());
        data.put("item", e.item());
        data.put("cancelledQty", plain(e.cancelledQty()));
        data.put("reason", e.reason());
        publish(
                WebhookEventTypes.PURCHASE_ORDER_LINE_CANCELLED,
                "po.line-cancelled:" + e.purchaseOrderId() + ":" + e.line(),
                data);
    }

    private void publish(String type, String key, Map<String, Object> data) {
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
