package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A supplier's shipment notice for its purchase order: PO line numbers, quantities shipped, lots, expected date. */
public record ShipmentNoticeRequest(LocalDate expectedOn, List<Line> lines) {

    public record Line(Integer line, BigDecimal qty, String lot) {
    }
}
