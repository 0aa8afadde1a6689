package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A replenishment suggestion with the numbers its reason is built from and the reason itself in the caller's
 * language. {@code supplier} is the supplier of a purchase or VMI replenishment, {@code fromWarehouse} the source of
 * a transfer; {@code onOrder} every open inbound line counted in the inventory position (of it {@code inTransit}
 * by transfer), {@code committed} the open outbound lines (ADR 0028; null for a supplier); {@code transferId} the transfer document created when a TRANSFER was accepted; {@code rule} the name of the business
 * rule that suggested it (ADR 0048; its {@code runId} is then 0), null for a planning run's.
 */
public record SuggestionView(
        long id,
        long runId,
        String type,
        String status,
        String item,
        String itemName,
        String warehouse,
        String supplier,
        String fromWarehouse,
        BigDecimal qty,
        BigDecimal neededQty,
        BigDecimal forecastQty,
        int horizonDays,
        BigDecimal onHand,
        BigDecimal inTransit,
        BigDecimal onOrder,
        BigDecimal committed,
        BigDecimal reserved,
        BigDecimal leadTimeDays,
        BigDecimal leadTimeSd,
        BigDecimal serviceLevel,
        BigDecimal safety,
        BigDecimal reorderPoint,
        BigDecimal orderUpTo,
        BigDecimal moq,
        BigDecimal packSize,
        BigDecimal sourceAvailable,
        BigDecimal sourceMax,
        String reason,
        String decisionReason,
        String decidedBy,
        Instant decidedAt,
        Long transferId,
        Instant createdAt,
        String rule) {

    public SuggestionView withReason(String text) {
        return new SuggestionView(
                id,
                runId,
                type,
                status,
                item,
                itemName,
                warehouse,
                supplier,
                fromWarehouse,
                qty,
                neededQty,
                forecastQty,
                horizonDays,
                onHand,
                inTransit,
                onOrder,
                committed,
                reserved,
                leadTimeDays,
                leadTimeSd,
                serviceLevel,
                safety,
                reorderPoint,
                orderUpTo,
                moq,
                packSize,
                sourceAvailable,
                sourceMax,
                text,
                decisionReason,
                decidedBy,
                decidedAt,
                transferId,
                createdAt,
                rule);
    }
}
