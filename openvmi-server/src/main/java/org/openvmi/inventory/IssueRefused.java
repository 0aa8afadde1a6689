package org.openvmi.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Demand that was not served: an issue or consumption (ISSUE, CONSUME; scan-out posts ISSUE) refused for lack of stock.
 * Published synchronously inside the refused posting's transaction, which then rolls back: a listener that keeps it
 * must write in a transaction of its own (REQUIRES_NEW) and must not throw, or it would replace the 409 refusal.
 * {@code requested} is the refused line's quantity, {@code available} what its stock key had.
 */
public record IssueRefused(
        String type,
        String item,
        String warehouse,
        String owner,
        BigDecimal requested,
        BigDecimal available,
        Instant at) {

    /** The movement types whose refusal is unserved demand. */
    public static boolean isDemand(String type) {
        return "ISSUE".equals(type) || "CONSUME".equals(type);
    }
}
