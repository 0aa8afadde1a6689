package org.openvmi.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * Receives a shipment notice at a location of the order's warehouse. Without {@code lines} everything announced
 * arrived; with them, they say what arrived of each notice line (by its number), and a line left out arrived empty.
 */
public record ShipmentNoticeReceiptRequest(String location, LocalDate receivedOn, List<@Valid Line> lines) {

    public ShipmentNoticeReceiptRequest(String location, LocalDate receivedOn) {
        this(location, receivedOn, null);
    }

    public record Line(
            Integer line,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            @Digits(integer = 15, fraction = 4) BigDecimal rejectedQty,
            @MaxChars(300) String rejectReason) {}
}
