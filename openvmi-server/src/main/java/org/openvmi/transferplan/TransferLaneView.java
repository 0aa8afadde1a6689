package org.openvmi.transferplan;

import java.math.BigDecimal;
import java.time.Instant;

/** A lane between two warehouses (codes): cost per unit moved, days in transit. */
public record TransferLaneView(
        long id,
        String from,
        String to,
        BigDecimal costPerUnit,
        int transitDays,
        int version,
        Instant updatedAt,
        String updatedBy) {}
