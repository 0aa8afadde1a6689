package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A posted receipt; each line carries the lead-time fact it produced (days since ordered, on time or not). */
public record ReceiptView(
        long id,
        long purchaseOrder,
        String poNumber,
        String supplier,
        String location,
        LocalDate receivedOn,
        String receivedBy,
        Instant receivedAt,
        Long postingId,
        String poStatus,
        List<Line> lines) {

    public record Line(
            int lineNo,
            String item,
            BigDecimal qty,
            BigDecimal rejectedQty,
            String rejectReason,
            BigDecimal unitCost,
            int leadTimeDays,
            boolean onTime) {}
}
