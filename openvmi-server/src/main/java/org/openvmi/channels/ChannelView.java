package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A sales channel with its allocation rule; {@code pausedItems}: how many items it is paused for now. */
public record ChannelView(
        long id,
        String code,
        String name,
        int priority,
        List<String> warehouses,
        BigDecimal percentage,
        BigDecimal fixedQuota,
        BigDecimal safetyBuffer,
        BigDecimal pauseBelow,
        String status,
        int pausedItems,
        String updatedBy,
        Instant updatedAt) {}
