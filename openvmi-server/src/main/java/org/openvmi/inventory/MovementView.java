package org.openvmi.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/** A movement of the ledger as the API shows it; qty is signed (negative = stock left). */
public record MovementView(
        long id,
        long postingId,
        String type,
        String item,
        String warehouse,
        String location,
        String owner,
        String lot,
        BigDecimal qty,
        BigDecimal unitCost,
        String reference,
        String reason,
        String user,
        Instant postedAt) {}
