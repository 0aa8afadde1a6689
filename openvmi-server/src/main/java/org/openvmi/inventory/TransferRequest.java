package org.openvmi.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /transfers}: from one location to a location of another warehouse; lines of item (code or barcode),
 * owner ({@code OWN} or a supplier code, default OWN), lot and a positive quantity; an optional reference.
 */
public record TransferRequest(
        String from, String to, @MaxChars(100) String reference, List<@Valid Line> lines) {

    public record Line(
            String item,
            @MaxChars(64) String owner,
            @MaxChars(64) String lot,
            @Digits(integer = 15, fraction = 4) BigDecimal qty) {}
}
