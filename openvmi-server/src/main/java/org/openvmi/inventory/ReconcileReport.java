package org.openvmi.inventory;

import java.math.BigDecimal;
import java.util.List;

/** The ledger invariants checked on the live database: ok, or every break found. */
public record ReconcileReport(boolean ok, long balancesChecked, List<Break> breaks) {

    /** One broken invariant at one stock key. */
    public record Break(
            String invariant,
            String item,
            String location,
            String owner,
            String lot,
            BigDecimal onHand,
            BigDecimal reserved,
            BigDecimal ledgerSum,
            String detail) {}
}
