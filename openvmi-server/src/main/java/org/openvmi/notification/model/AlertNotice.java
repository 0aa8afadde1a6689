package org.openvmi.notification.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.openvmi.stockpolicy.AlertType;

/**
 * An alert raised or resolved, as notifications tell it. {@code warehouse} is null for a supplier's low-water alert;
 * {@code supplierIds} are the suppliers it concerns; {@code stock} may be null (resolved by a person).
 */
public record AlertNotice(
        long alertId,
        boolean resolved,
        AlertType type,
        String item,
        String itemName,
        String unit,
        String warehouse,
        BigDecimal stock,
        BigDecimal line,
        Instant at,
        String by,
        Set<Long> supplierIds) {

    public AlertNotice {
        supplierIds = Set.copyOf(supplierIds);
    }

    /**
     * This notice as a supplier user may read it: a stock alert's figure counts every owner's stock at the warehouse,
     * other suppliers' consignment too, so it is left out (ADR 0004 addendum). A supplier's own low-water alert keeps
     * its figure, the stock that supplier reported itself.
     */
    public AlertNotice forSupplierUser() {
        if (type == AlertType.SUPPLIER_LOW_WATER) {
            return this;
        }
        return new AlertNotice(
                alertId, resolved, type, item, itemName, unit, warehouse, null, line, at, by, supplierIds);
    }

    /**
     * Identifies this notice among all others, for idempotent queuing ("resolved:42", "raised:42:STOCKOUT:&lt;at&gt;"):
     * an alert that escalates notifies again at its new level, and a redelivered event carries the same time.
     */
    public String key() {
        return resolved ? "resolved:" + alertId : "raised:" + alertId + ":" + type + ":" + at.toEpochMilli();
    }
}
