package org.openvmi.procurement;

import java.math.BigDecimal;

/**
 * The buyer cancelled one line of a purchase order: {@code cancelledQty} (ordered − received) will not come.
 * Published in the cancelling transaction, next to {@link PurchaseOrderChanged}; the webhook
 * purchase-order.line-cancelled tells the supplier's or ERP's system after commit.
 */
public record PurchaseOrderLineCancelled(
        long purchaseOrderId,
        String number,
        String supplier,
        String warehouse,
        int line,
        String item,
        BigDecimal cancelledQty,
        String reason) {}
