package org.openvmi.consignment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.MaxChars;

/** {@code POST /shipments/{id}/receive}: what arrived, by item and lot (partial receipts allowed). */
@Schema(name = "ShipmentReceiptRequest") // procurement has a ReceiptRequest too
public record ReceiptRequest(List<@Valid Line> lines) {

    public record Line(
            String item,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            @MaxChars(64) String lot) {}
}
