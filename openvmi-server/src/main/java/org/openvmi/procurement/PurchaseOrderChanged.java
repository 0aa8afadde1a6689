package org.openvmi.procurement;

/**
 * A purchase order's supply changed: sent, confirmed (dates or quantities), a supplier's change accepted, closed or
 * cancelled. Published in the changing transaction; planning re-plans its items at its warehouse after commit.
 */
public record PurchaseOrderChanged(long purchaseOrderId) {}
