package org.openvmi.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.shared.MaxChars;

/** A supplier's shipment notice for its purchase order: PO line numbers, quantities shipped, lots, expected date. */
public record ShipmentNoticeRequest(LocalDate expectedOn, List<@Valid Line> lines) {

    public record Line(
            Integer line,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            @MaxChars(64) String lot) {}
}
