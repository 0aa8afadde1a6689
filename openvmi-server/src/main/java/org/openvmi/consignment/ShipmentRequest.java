package org.openvmi.consignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.openvmi.shared.MaxChars;

/** {@code POST /shipments}: an ASN of the supplier (a supplier user may leave out its own code). */
public record ShipmentRequest(
        String supplier,
        OffsetDateTime expectedAt,
        @MaxChars(100) String reference,
        List<@Valid Line> lines) {

    public record Line(
            String item,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            @MaxChars(64) String lot,
            String location) {}
}
