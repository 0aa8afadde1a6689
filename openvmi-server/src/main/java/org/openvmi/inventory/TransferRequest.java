package org.openvmi.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /transfers}: from one location to a location of another warehouse; lines of item (code or barcode),
 * owner ({@code OWN} or a supplier code, default OWN), lot and a positive quantity; an optional reference.
 */
public record TransferRequest(String from, String to, String reference, List<Line> lines) {

    public record Line(String item, String owner, String lot, BigDecimal qty) {
    }
}
