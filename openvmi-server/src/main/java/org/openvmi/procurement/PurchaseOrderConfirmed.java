package org.openvmi.procurement;

import java.time.Instant;

/**
 * The supplier answered a sent PO: confirmed as ordered, or proposed other quantities or dates
 * ({@code changesProposed}). Published in the answering transaction.
 */
public record PurchaseOrderConfirmed(
        long purchaseOrderId, String number, String supplier, String status, boolean changesProposed, Instant at) {}
