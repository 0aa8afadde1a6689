package org.openvmi.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/** A transfer in a list. */
public record TransferSummary(
        long id,
        String status,
        String from,
        String fromWarehouse,
        String to,
        String toWarehouse,
        String reference,
        int lines,
        BigDecimal qty,
        BigDecimal received,
        Instant createdAt,
        Instant shippedAt) {}
