/**
 * The inventory ledger: append-only movements and balances per stock key (item, location, owner, lot), posted
 * atomically in batches with idempotency keys; stock and movement queries; reconciliation of the invariants.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "catalog :: tabular-import", "shared"})
package org.openvmi.inventory;
