package org.openvmi.planning;

import java.math.BigDecimal;

/**
 * A business rule's PURCHASE_SUGGESTION action for one item × warehouse (ADR 0048): the rule (its name goes into the
 * reason), the quantity its expression gave, the item's primary supplier code (null or blank when none) and the
 * figures the rule saw, kept for the reason like a planning run's.
 */
public record RuleSuggestion(
        long ruleId,
        String ruleName,
        long itemId,
        long warehouseId,
        String supplier,
        BigDecimal qty,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal onOrder,
        BigDecimal inTransit,
        BigDecimal committed,
        BigDecimal demand30d,
        BigDecimal safety,
        BigDecimal warning,
        BigDecimal max,
        int leadTimeDays) {}
