package org.openvmi.inventory.internal;

import org.openvmi.shared.PartyScope;

/**
 * SQL pieces that keep a supplier caller from reading another supplier's facts on rows it may otherwise see (the
 * buyer's own stock of its items, transfers of it): that supplier's consignment, and the lot numbers it delivered.
 * Both use the named parameter {@code :scopeSupplierId} ({@link PartyScope#supplierIdParam()}). ADR 0004 addendum.
 */
final class SupplierScopeSql {

    private SupplierScopeSql() {}

    /** Rows owned by the buyer or by the caller; for the buyer side every row. */
    static String ownerVisible(PartyScope scope, String ownerSupplierIdColumn) {
        return scope.seesAll()
                ? "1=1"
                : "(" + ownerSupplierIdColumn + " IS NULL OR " + scope.predicate(ownerSupplierIdColumn) + ")";
    }

    /**
     * 1 when the lot of a row of the buyer's own stock must be hidden from a supplier caller, else 0: it is shown only
     * when the caller itself delivered that lot of the item on consignment. A lot on own stock may have come from
     * another supplier (its consumed consignment, a receipt of its purchase order), and its number names that
     * supplier's batch.
     */
    static String lotHidden(PartyScope scope, String owner, String item, String lot) {
        if (scope.seesAll()) {
            return "0";
        }
        return "CASE WHEN " + owner + " = 'OWN' AND " + lot + " <> '' AND NOT EXISTS (SELECT 1 FROM stock_balance kb"
                + " WHERE kb.item_id = " + item + " AND kb.lot = " + lot + " AND "
                + scope.predicate("kb.owner_supplier_id")
                + ") THEN 1 ELSE 0 END";
    }
}
