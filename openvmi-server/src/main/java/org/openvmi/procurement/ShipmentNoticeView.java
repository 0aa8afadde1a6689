package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A shipment notice as the API shows it; {@code receipt} is set once it was received. */
public record ShipmentNoticeView(
        long id,
        long purchaseOrder,
        String poNumber,
        String supplier,
        LocalDate expectedOn,
        String status,
        Long receipt,
        String createdBy,
        Instant createdAt,
        List<Line> lines) {

    public record Line(int lineNo, int poLine, String item, BigDecimal qty, String lot) {}
}
