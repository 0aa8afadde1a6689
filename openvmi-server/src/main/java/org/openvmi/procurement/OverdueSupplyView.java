package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One overdue-supply alert (采购延迟): the PO line (and the shipment notice, for a late ASN) with the quantity still
 * open, the date it was due and how many days it is late.
 */
public record OverdueSupplyView(
        long id,
        OverdueKind kind,
        OverdueStatus status,
        long purchaseOrder,
        String poNumber,
        int poLine,
        Long shipmentNotice,
        String supplier,
        String item,
        String itemName,
        String warehouse,
        LocalDate dueOn,
        BigDecimal openQty,
        long daysLate,
        Instant raisedAt,
        Instant resolvedAt) {}
