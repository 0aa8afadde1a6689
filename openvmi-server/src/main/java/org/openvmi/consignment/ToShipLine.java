package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the supplier's "to ship" board: the agreement line's stock position and, when on hand + in transit is
 * below min, the quantity to ship now (order-up-to max, MOQ and pack) and when it is due (SLA). {@code inTransit} is
 * everything on its way to the line's warehouse in the shared availability read model (its on order, ADR 0028):
 * shipments not yet received, call-offs not yet shipped, open PO lines, ASNs and transfers coming in.
 */
public record ToShipLine(
        long agreementId,
        int agreementVersion,
        String supplier,
        String item,
        String itemName,
        String location,
        BigDecimal min,
        BigDecimal max,
        BigDecimal onHand,
        BigDecimal ownOnHand,
        BigDecimal consignedOnHand,
        BigDecimal inTransit,
        BigDecimal suggestedQty,
        String reason,
        Instant belowMinSince,
        Instant dueAt,
        boolean overdue,
        BigDecimal price,
        String currency,
        BigDecimal consignedValue) {}
