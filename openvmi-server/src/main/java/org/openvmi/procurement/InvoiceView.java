package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An invoice with its three-way match result per line and overall. */
public record InvoiceView(
        long id,
        String supplier,
        long purchaseOrder,
        String poNumber,
        String number,
        LocalDate invoiceDate,
        String currency,
        BigDecimal total,
        String matchStatus,
        String createdBy,
        Instant createdAt,
        Instant exportedAt,
        List<Line> lines) {

    public record Line(
            int lineNo,
            String item,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal poPrice,
            BigDecimal receivedQty,
            String matchStatus,
            String detail) {}
}
