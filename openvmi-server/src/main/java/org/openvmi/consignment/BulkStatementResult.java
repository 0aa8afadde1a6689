package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The answer of {@code POST /settlements/bulk}: one outcome per supplier, and how many statements were issued. */
public record BulkStatementResult(
        String period, LocalDate from, LocalDate to, int issued, int refused, List<Outcome> suppliers)
        implements java.io.Serializable { // shown after a redirect: a flash attribute, kept in the JDBC session

    /** ISSUED (with the statement), SKIPPED (nothing to settle) or REFUSED (with the reason; nothing changed for it). */
    public enum Status {
        ISSUED,
        SKIPPED,
        REFUSED
    }

    public record Outcome(
            String supplier,
            Status status,
            Long statement,
            BigDecimal amount,
            String currency,
            StatementCandidate.Refusal refusal,
            String reason)
            implements java.io.Serializable {}
}
