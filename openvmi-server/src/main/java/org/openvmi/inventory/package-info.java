/**
 * The inventory ledger: append-only movements and balances per stock key (item, location, owner, lot), posted
 * atomically in batches with idempotency keys; stock and movement queries; reconciliation of the invariants.
 */
package org.openvmi.inventory;
