package org.openvmi.planning.model;

import java.math.BigDecimal;

/**
 * A suggestion before it is stored: its type, the quantity, and the numbers its reason is built from. For a
 * transfer, the warehouse it comes from with its available own stock and its max line; for a purchase, the
 * supplier (null when the item has no source) with MOQ and pack size.
 */
public record Proposal(
        SuggestionType type,
        Plan plan,
        BigDecimal qty,
        BigDecimal neededQty,
        Long supplierId,
        BigDecimal moq,
        BigDecimal packSize,
        Long fromWarehouseId,
        BigDecimal sourceAvailable,
        BigDecimal sourceMax) {}
