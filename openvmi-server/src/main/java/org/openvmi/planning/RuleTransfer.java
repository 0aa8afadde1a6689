package org.openvmi.planning;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A business rule's TRANSFER_SUGGESTION action for one item × warehouse (ADR 0075): move {@code qty} of the item from
 * warehouse {@code fromWarehouseId} to {@code warehouseId} (the subject's). {@code scopeWarehouses} are the codes of the
 * rule's warehouse scope (empty: any warehouse); the figures are what the rule saw, kept for the reason.
 */
public record RuleTransfer(
        long ruleId,
        String ruleName,
        long itemId,
        long warehouseId,
        long fromWarehouseId,
        BigDecimal qty,
        Set<String> scopeWarehouses,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal onOrder,
        BigDecimal inTransit,
        BigDecimal committed,
        BigDecimal demand30d,
        BigDecimal safety,
        BigDecimal warning,
        BigDecimal max,
        BigDecimal sourceMax) {

    public RuleTransfer {
        scopeWarehouses = scopeWarehouses == null ? Set.of() : Set.copyOf(scopeWarehouses);
    }
}
