package org.openvmi.procurement.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.ShipmentNoticeView;
import org.openvmi.procurement.ShipmentNotices;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.ReceivingDocument;
import org.openvmi.procurement.model.ShipmentNoticeStatus;

/**
 * The lines a receipt opens with: the open lines of a purchase order, or the lines of a shipment notice with the
 * quantities it announced. Each row knows the codes a scan may match (item code and barcodes) and its open quantity,
 * which the first scan of its item fills in.
 */
record ReceivingSheet(
        ReceivingDocument document, PurchaseOrderView po, String status, String defaultLocation, List<Row> rows) {

    /** {@code key} is the PO line number, or the notice line number on a shipment notice. */
    record Row(
            int key,
            int poLine,
            String item,
            String itemName,
            BigDecimal ordered,
            BigDecimal received,
            BigDecimal open,
            String lot,
            String codes) {

        /** Whether a scanned text is this row's item: its code (any case) or one of its barcodes. */
        boolean matches(String scanned) {
            return item.equalsIgnoreCase(scanned) || List.of(codes.split(" ")).contains(scanned);
        }
    }

    static ReceivingSheet of(
            ReceivingDocument document, PurchaseOrders orders, ShipmentNotices notices, CatalogRefs refs) {
        List<Row> rows = new ArrayList<>();
        PurchaseOrderView po;
        String status;
        if (document.notice()) {
            ShipmentNoticeView notice = notices.get(document.id());
            po = orders.get(notice.purchaseOrder());
            status = notice.status();
            Map<String, List<String>> barcodes = refs.barcodes(
                    notice.lines().stream().map(ShipmentNoticeView.Line::item).toList());
            for (ShipmentNoticeView.Line l : notice.lines()) {
                PurchaseOrderView.Line pl = po.lines().stream()
                        .filter(p -> p.lineNo() == l.poLine())
                        .findFirst()
                        .orElseThrow();
                rows.add(new Row(
                        l.lineNo(),
                        l.poLine(),
                        l.item(),
                        pl.itemName(),
                        pl.qty(),
                        pl.receivedQty(),
                        l.qty(),
                        l.lot(),
                        codes(barcodes, l.item())));
            }
        } else {
            po = orders.get(document.id());
            status = po.status();
            Map<String, List<String>> barcodes = refs.barcodes(
                    po.lines().stream().map(PurchaseOrderView.Line::item).toList());
            for (PurchaseOrderView.Line l : po.lines()) {
                if (!"CLOSED".equals(l.status())) {
                    rows.add(new Row(
                            l.lineNo(),
                            l.lineNo(),
                            l.item(),
                            l.itemName(),
                            l.qty(),
                            l.receivedQty(),
                            l.qty().subtract(l.receivedQty()).max(BigDecimal.ZERO),
                            null,
                            codes(barcodes, l.item())));
                }
            }
        }
        return new ReceivingSheet(
                document, po, status, refs.receivingLocation(po.warehouse()).orElse(null), rows);
    }

    /** Whether anything can still be received on the document (an order still open, a notice in transit). */
    public boolean receivable() {
        return document.notice()
                ? ShipmentNoticeStatus.valueOf(status).receivable()
                : PurchaseOrderStatus.valueOf(status).receivable();
    }

    Optional<Row> find(String scanned) {
        return rows.stream().filter(r -> r.matches(scanned)).findFirst();
    }

    private static String codes(Map<String, List<String>> barcodes, String item) {
        return String.join(" ", barcodes.getOrDefault(item, List.of()));
    }
}
