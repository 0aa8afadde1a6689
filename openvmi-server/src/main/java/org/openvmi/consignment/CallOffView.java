package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A call-off plan as both sides see it; {@code shippedQty}: what the supplier's shipments filled of it so far. */
public record CallOffView(
        long id,
        String supplier,
        String item,
        String itemName,
        String location,
        BigDecimal qty,
        LocalDate neededBy,
        String status,
        BigDecimal proposedQty,
        LocalDate proposedDate,
        String comment,
        String createdBy,
        Instant createdAt,
        String answeredBy,
        Instant answeredAt,
        BigDecimal shippedQty) {}
