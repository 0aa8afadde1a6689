package org.openvmi.procurement;

import java.math.BigDecimal;

/** A PO was sent to its supplier (portal; mail and webhook listeners react after commit). */
public record PurchaseOrderSent(
        long purchaseOrderId, String number, long supplierId, String supplier, BigDecimal total, String currency) {}
