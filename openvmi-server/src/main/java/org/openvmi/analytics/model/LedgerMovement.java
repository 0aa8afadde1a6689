package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One movement of the ledger as the analytics sees it: its key, its day, its signed quantity and, for receipts, the
 * unit cost. {@code issue} marks ISSUE and CONSUME, the movements that count as consumption and demand; {@code at} is
 * when it was posted (a consignment receipt is valued at the agreement price in force then).
 */
public record LedgerMovement(
        long id, SnapshotKey key, LocalDate day, BigDecimal qty, BigDecimal unitCost, boolean issue, Instant at) {

    /** A movement posted at the start of its day (UTC), for constructed ledgers that do not care about the hour. */
    public LedgerMovement(long id, SnapshotKey key, LocalDate day, BigDecimal qty, BigDecimal unitCost, boolean issue) {
        this(id, key, day, qty, unitCost, issue, day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** ISSUE and CONSUME are consumption; every other type only moves stock between keys or corrects it. */
    public static boolean isIssueType(String type) {
        return "ISSUE".equals(type) || "CONSUME".equals(type);
    }
}
