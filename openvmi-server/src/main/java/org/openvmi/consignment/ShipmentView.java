package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An ASN with its lines: shipped, received and the difference still open (or missing, once received). */
public record ShipmentView(
        long id,
        String supplier,
        String status,
        Instant expectedAt,
        String reference,
        String createdBy,
        Instant createdAt,
        Instant receivedAt,
        List<Line> lines) {

    public record Line(
            int line,
            long agreementId,
            String item,
            String itemName,
            String location,
            String lot,
            BigDecimal shipped,
            BigDecimal received,
            BigDecimal difference) {}
}
