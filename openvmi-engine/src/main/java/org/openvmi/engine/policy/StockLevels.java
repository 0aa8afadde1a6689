package org.openvmi.engine.policy;

/**
 * The three lines of one item at one location, in units, plus how they were reached (for the reason a planner
 * reads): safety stock; reorder point = expected demand over the lead time + safety stock (the "warning" line);
 * order-up-to level = expected demand over lead time + review period + safety stock, or reorder point + EOQ when
 * that is higher (the "max" line). {@code method} is "normal" or "empirical"; {@code z} the safety factor used
 * (NaN for the empirical method).
 */
public record StockLevels(
        double safety,
        double reorderPoint,
        double orderUpTo,
        double leadTimeDemand,
        double protectionDemand,
        double protectionSd,
        String method,
        double z) {}
