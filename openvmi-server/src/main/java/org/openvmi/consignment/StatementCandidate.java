package org.openvmi.consignment;

import java.math.BigDecimal;

/**
 * A supplier with settlement lines not yet on a statement up to the end of a period: what its statement of the period
 * would hold ({@code lines}, {@code amount}). {@code refusal} says why it cannot be made (null: it can): a statement
 * of the period exists already ({@code statement} names it), the total is 0.00, or the lines are in several currencies.
 */
public record StatementCandidate(
        String supplier,
        String supplierName,
        String currency,
        int lines,
        BigDecimal amount,
        Long statement,
        String statementStatus,
        Refusal refusal) {

    /** Why a statement of a supplier and period is not made. */
    public enum Refusal {
        DUPLICATE,
        EMPTY,
        SEVERAL_CURRENCIES
    }

    public boolean issuable() {
        return refusal == null;
    }
}
