package org.openvmi.inventory;

import java.math.BigDecimal;

/**
 * One line of {@code POST /movements}: type, item (code or barcode), location code, owner ({@code OWN} or a supplier
 * code, default OWN), lot, a positive quantity (signed for ADJUST), an optional unit cost for receipts, reason and
 * reference.
 */
public record MovementRequest(String type, String item, String location, String owner, String lot, BigDecimal qty,
                              BigDecimal unitCost, String reason, String reference) {
}
