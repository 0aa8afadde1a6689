package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /receipts}: the PO, the location the goods go to, optional receipt date (default today), and per line
 * the item (or PO line number), the lot when the item is lot-tracked, the accepted quantity and an optional rejected quantity with its reason.
 */
public record ReceiptRequest(Long purchaseOrder, String location, LocalDate receivedOn, List<Line> lines) {

    public record Line(Integer line, String item, String lot, BigDecimal qty, BigDecimal rejectedQty,
                       String rejectReason) {
    }
}
