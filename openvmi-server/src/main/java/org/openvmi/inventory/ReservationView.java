package org.openvmi.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A reservation: ACTIVE holds stock; RELEASED and EXPIRED gave it back (by whom and when). {@code dueOn}: the day the
 * stock is needed, when given.
 */
public record ReservationView(
        long id,
        String status,
        String item,
        String itemName,
        String warehouse,
        String location,
        String owner,
        String lot,
        BigDecimal qty,
        String reference,
        Instant expiresAt,
        String createdBy,
        Instant createdAt,
        String releasedBy,
        Instant releasedAt,
        LocalDate dueOn) {}
