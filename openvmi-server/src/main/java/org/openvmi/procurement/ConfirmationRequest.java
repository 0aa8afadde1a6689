package org.openvmi.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /purchase-orders/{id}/confirm} by the supplier: without lines, or with lines that keep the ordered
 * quantity and give a delivery date, it confirms; a line with another quantity proposes a change for the buyer.
 * Lines are addressed by {@code line} (line number) or item code.
 */
public record ConfirmationRequest(
        List<@Valid Line> lines, @MaxChars(1000) String comment) {

    public record Line(
            Integer line,
            String item,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            LocalDate deliveryDate) {}
}
