package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A requisition with its lines, approval steps and the POs made from it; {@code orderOnApproval}: the buyer confirmed
 * suppliers and prices already (made from suggestions in bulk), so the last approval orders it (ADR 0035).
 */
public record RequisitionView(
        long id,
        String number,
        String warehouse,
        boolean urgent,
        String status,
        BigDecimal amount,
        String currency,
        String note,
        String source,
        String rule,
        String rejectReason,
        String requestedBy,
        Instant createdAt,
        Instant submittedAt,
        Instant decidedAt,
        Instant orderedAt,
        int version,
        List<Line> lines,
        List<Step> steps,
        List<Long> purchaseOrders,
        boolean orderOnApproval) {

    /** {@code supplier}: the supplier confirmed for the line (null: chosen when ordered); {@code suggestion}: its origin. */
    public record Line(
            int lineNo,
            String item,
            String itemName,
            String category,
            BigDecimal qty,
            LocalDate neededBy,
            BigDecimal estPrice,
            String supplier,
            Long suggestion) {}

    /** The confirmed suppliers of the lines, in line order, without repeats. */
    public List<String> suppliers() {
        return lines.stream()
                .map(Line::supplier)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    public record Step(
            int stepNo,
            String approver,
            String delegatedFrom,
            String status,
            String decidedBy,
            Instant decidedAt,
            String comment) {}

    /** The step waiting for a decision, or null. */
    public Step pendingStep() {
        return steps.stream()
                .filter(s -> "PENDING".equals(s.status()))
                .findFirst()
                .orElse(null);
    }
}
