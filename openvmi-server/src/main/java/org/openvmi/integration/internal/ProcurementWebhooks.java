package org.openvmi.integration.internal;

import static org.openvmi.integration.internal.Payloads.plain;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.procurement.GoodsReceived;
import org.openvmi.procurement.PurchaseOrderConfirmed;
import org.openvmi.procurement.PurchaseOrderLineCancelled;
import org.openvmi.procurement.PurchaseOrderSent;
import org.openvmi.procurement.ShipmentNoticeCreated;
import org.springframework.stereotype.Component;

/**
 * A purchase order's life for the supplier's or the ERP's system: purchase-order.sent, .confirmed, .received (one
 * receipt line, with its lead-time fact), .line-cancelled, and shipment-notice.created, each written to the outbox in
 * the deciding transaction and keyed by the PO, so a consumer sees a PO's events in order. They belong to the PO's
 * supplier.
 */
@Component
class ProcurementWebhooks {

    private final EventOutbox outbox;
    private final Clock clock;

    ProcurementWebhooks(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @OutboxListener
    public void on(PurchaseOrderSent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("purchaseOrder", e.purchaseOrderId());
        data.put("number", e.number());
        data.put("supplier", e.supplier());
        data.put("total", plain(e.total()));
        data.put("currency", e.currency());
        publish(
                WebhookEventTypes.PURCHASE_ORDER_SENT,
                "po.sent:" + e.purchaseOrderId(),
                e.purchaseOrderId(),
                e.supplier(),
                data);
    }

    @OutboxListener
    public void on(PurchaseOrderConfirmed e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("purchaseOrder", e.purchaseOrderId());
        data.put("number", e.number());
        data.put("supplier", e.supplier());
        data.put("status", e.status());
        data.put("changesProposed", e.changesProposed());
        publish(
                WebhookEventTypes.PURCHASE_ORDER_CONFIRMED,
                "po.confirmed:" + e.purchaseOrderId() + ":" + e.at().toEpochMilli(),
                e.purchaseOrderId(),
                e.supplier(),
                data);
    }

    @OutboxListener
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
        publish(
                WebhookEventTypes.GOODS_RECEIVED,
                "po.received:" + e.receiptId() + ":" + e.item(),
                e.purchaseOrder(),
                e.supplier(),
                data);
    }

    @OutboxListener
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
                e.purchaseOrderId(),
                e.supplier(),
                data);
    }

    @OutboxListener
    public void on(ShipmentNoticeCreated e) {
        var n = e.notice();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("shipmentNotice", n.id());
        data.put("purchaseOrder", n.purchaseOrder());
        data.put("number", n.poNumber());
        data.put("supplier", n.supplier());
        data.put("expectedOn", n.expectedOn().toString());
        data.put(
                "lines",
                n.lines().stream()
                        .map(l -> {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("line", l.lineNo());
                            line.put("poLine", l.poLine());
                            line.put("item", l.item());
                            line.put("qty", plain(l.qty()));
                            line.put("lot", l.lot());
                            return line;
                        })
                        .toList());
        publish(
                WebhookEventTypes.SHIPMENT_NOTICE_CREATED,
                "asn.created:" + n.id(),
                n.purchaseOrder(),
                n.supplier(),
                data);
    }

    private void publish(String type, String dedup, long purchaseOrder, String supplier, Map<String, Object> data) {
        outbox.publish(
                new OutboundEvent(type, dedup, "purchase-order:" + purchaseOrder, supplier, clock.instant(), data));
    }
}
