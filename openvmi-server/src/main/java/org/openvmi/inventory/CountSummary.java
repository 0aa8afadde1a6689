package org.openvmi.inventory;

import java.time.Instant;

/** A count sheet in a list. */
public record CountSummary(
        long id,
        String status,
        String warehouse,
        String location,
        String category,
        boolean blind,
        String reference,
        int lines,
        int counted,
        Instant createdAt,
        Instant postedAt) {}
