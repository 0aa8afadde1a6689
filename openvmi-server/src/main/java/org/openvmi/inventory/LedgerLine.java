package org.openvmi.inventory;

import java.math.BigDecimal;

/**
 * One line other features post through {@link InventoryLedger#record}: everything by id, as the feature already holds
 * it, so nothing is resolved from codes again. {@code ownerSupplierId} is null for own stock. {@code qty} is positive
 * and the type gives the direction, except for ADJUST, COUNT and OWNERSHIP_TRANSFER, whose quantity is signed.
 * {@code lot} is null or blank for items that are not lot-tracked; {@code unitCost} only on RECEIPT and OPENING.
 */
public record LedgerLine(
        MovementType type,
        long itemId,
        long locationId,
        Long ownerSupplierId,
        String lot,
        BigDecimal qty,
        BigDecimal unitCost,
        String reason,
        String reference) {

    /** A line without unit cost. */
    public static LedgerLine of(
            MovementType type,
            long itemId,
            long locationId,
            Long ownerSupplierId,
            String lot,
            BigDecimal qty,
            String reason,
            String reference) {
        return new LedgerLine(type, itemId, locationId, ownerSupplierId, lot, qty, null, reason, reference);
    }
}
