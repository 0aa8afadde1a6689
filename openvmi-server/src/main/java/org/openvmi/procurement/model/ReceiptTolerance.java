package org.openvmi.procurement.model;

import java.math.BigDecimal;

/**
 * Over- and under-delivery tolerance of a PO line, in percent of the ordered quantity: receipts may reach
 * ordered × (1 + over%); the line counts as fully received from ordered × (1 − under%).
 */
public record ReceiptTolerance(BigDecimal overPct, BigDecimal underPct) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BigDecimal maxReceivable(BigDecimal ordered) {
        return ordered.multiply(BigDecimal.ONE.add(overPct.divide(HUNDRED)));
    }

    public boolean complete(BigDecimal ordered, BigDecimal received) {
        return received.compareTo(ordered.multiply(BigDecimal.ONE.subtract(underPct.divide(HUNDRED)))) >= 0;
    }

    /** Why receiving {@code qty} more is refused, or null when it is within tolerance. */
    public String refusal(BigDecimal ordered, BigDecimal alreadyReceived, BigDecimal qty) {
        BigDecimal max = maxReceivable(ordered);
        if (alreadyReceived.add(qty).compareTo(max) > 0) {
            return "would receive "
                    + alreadyReceived.add(qty).stripTrailingZeros().toPlainString() + " of "
                    + ordered.stripTrailingZeros().toPlainString() + " ordered; at most "
                    + max.stripTrailingZeros().toPlainString() + " (over-delivery tolerance "
                    + overPct.stripTrailingZeros().toPlainString() + "%)";
        }
        return null;
    }
}
