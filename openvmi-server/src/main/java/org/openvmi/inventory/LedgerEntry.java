package org.openvmi.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A movement as read models outside the inventory consume it (analytics): codes instead of ids, the warehouse of the
 * location, the signed quantity and the unit cost it was posted with.
 */
public record LedgerEntry(
        long id,
        String type,
        String item,
        String warehouse,
        String owner,
        BigDecimal qty,
        BigDecimal unitCost,
        Instant postedAt) {}
