package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order with its lines and its timeline (each step with its time). A line's {@code cancelledQty} is what a
 * line cancel took off it (ordered − received at that moment; its status is then CANCELLED); its {@code suggestion}
 * is the planning suggestion it came from (null when ordered by hand).
 */
public record PurchaseOrderView(
        long id,
        String number,
        String supplier,
        String supplierName,
        Long requisition,
        String warehouse,
        String status,
        String currency,
        BigDecimal total,
        int revision,
        LocalDate orderedOn,
        String createdBy,
        Instant createdAt,
        List<Line> lines,
        List<Event> timeline) {

    public record Line(
            long id,
            int lineNo,
            String item,
            String itemName,
            BigDecimal requestedQty,
            BigDecimal qty,
            BigDecimal price,
            LocalDate neededBy,
            LocalDate confirmedDate,
            BigDecimal proposedQty,
            LocalDate proposedDate,
            BigDecimal receivedQty,
            BigDecimal rejectedQty,
            BigDecimal invoicedQty,
            BigDecimal overPct,
            BigDecimal underPct,
            String status,
            BigDecimal cancelledQty,
            Long suggestion) {}

    public record Event(int revision, String type, String actor, Instant at, String details) {}
}
