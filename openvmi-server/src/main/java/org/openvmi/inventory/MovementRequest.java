package org.openvmi.inventory;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import org.openvmi.shared.MaxChars;

/**
 * One line of {@code POST /movements}: type, item (code or barcode), location code, owner ({@code OWN} or a supplier
 * code, default OWN), lot, a positive quantity (signed for ADJUST), an optional unit cost for receipts, reason and
 * reference.
 */
public record MovementRequest(
        String type,
        String item,
        String location,
        @MaxChars(64) String owner,
        @MaxChars(64) String lot,
        @Digits(integer = 15, fraction = 4) BigDecimal qty,
        @Digits(integer = 13, fraction = 6) BigDecimal unitCost,
        @MaxChars(200) String reason,
        @MaxChars(100) String reference) {}
