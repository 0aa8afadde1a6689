package org.openvmi.stockpolicy;

import java.math.BigDecimal;

/**
 * A business rule's ALERT action for one item × warehouse (ADR 0048): the rule, the window it fired in (its day,
 * "yyyy-MM-dd"), the severity (INFO, WARNING, CRITICAL), the message rendered in both languages and the stock on hand
 * it saw. One alert per rule, subject and window.
 */
public record RuleAlert(
        long ruleId,
        long itemId,
        long warehouseId,
        String window,
        String severity,
        String messageEn,
        String messageZh,
        BigDecimal onHand) {}
