package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One movement of the ledger as the analytics sees it: its key, its day, its signed quantity and, for receipts, the
 * unit cost. {@code issue} marks ISSUE and CONSUME, the movements that count as consumption and demand.
 */
public record LedgerMovement(long id, SnapshotKey key, LocalDate day, BigDecimal qty, BigDecimal unitCost, boolean issue) {

    /** ISSUE and CONSUME are consumption; every other type only moves stock between keys or corrects it. */
    public static boolean isIssueType(String type) {
        return "ISSUE".equals(type) || "CONSUME".equals(type);
    }
}
