package org.openvmi.inventory.model;

import java.math.BigDecimal;
import org.openvmi.inventory.MovementType;

/**
 * One validated line of a posting: the signed quantity it changes on hand by, whether the location may go negative,
 * and the supplier id of the owner (null for own stock).
 */
public record PostingLine(
        int index,
        MovementType type,
        StockKey key,
        Long ownerSupplierId,
        BigDecimal signedQty,
        BigDecimal unitCost,
        boolean allowNegative,
        String reference,
        String reason) {}
