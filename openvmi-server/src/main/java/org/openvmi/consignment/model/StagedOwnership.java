package org.openvmi.consignment.model;

import java.math.BigDecimal;

/**
 * STAGED mode: of the total stock of a line, the part up to the safety quantity is the buyer's and the part above it
 * the supplier's. Ownership only ever moves from supplier to buyer: after a receipt or consumption the buyer should
 * own min(total, safety); what it owns less than that passes to it now.
 */
public final class StagedOwnership {

    private StagedOwnership() {}

    public static BigDecimal toTransfer(BigDecimal total, BigDecimal ownedByBuyer, BigDecimal safety) {
        BigDecimal target = total.min(safety == null ? BigDecimal.ZERO : safety).max(BigDecimal.ZERO);
        return target.subtract(ownedByBuyer).max(BigDecimal.ZERO);
    }
}
