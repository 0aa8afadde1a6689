package org.openvmi.notification.model;

import java.util.Set;
import org.openvmi.notification.NotificationChannel;
import org.openvmi.stockpolicy.AlertType;

/**
 * A group robot configured apart from users (ADR 0076): its channel, address and DingTalk secret (null when it does
 * not sign), its scope — a warehouse and/or a supplier, null for all — and which notices it hears. A supplier's robot
 * ({@code supplierId} set) hears only of that supplier's items and POs, as its users would, and never of approvals.
 */
public record GroupRobot(
        long id,
        String name,
        NotificationChannel channel,
        String url,
        String secret,
        String warehouse,
        Long supplierId,
        boolean alerts,
        Set<AlertType> alertTypes,
        boolean approvals,
        boolean toShip,
        String language,
        boolean enabled) {

    public GroupRobot {
        alertTypes = alertTypes == null || alertTypes.isEmpty() ? Set.of() : Set.copyOf(alertTypes);
    }

    /** An alert of the robot's scope and types; an alert about no warehouse passes a warehouse scope. */
    public boolean hears(AlertNotice alert) {
        return enabled
                && alerts
                && (alertTypes.isEmpty() || alertTypes.contains(alert.type()))
                && (warehouse == null || alert.warehouse() == null || warehouse.equals(alert.warehouse()))
                && (supplierId == null || alert.supplierIds().contains(supplierId));
    }

    /** A requisition waiting for approval at a warehouse: the buyer's business, never a supplier's robot. */
    public boolean hearsApproval(String requisitionWarehouse) {
        return enabled && approvals && supplierId == null && inWarehouse(requisitionWarehouse);
    }

    /** A PO sent to, or a line due from, this supplier for this warehouse (null when not known). */
    public boolean hearsToShip(long supplier, String toWarehouse) {
        return enabled && toShip && (supplierId == null || supplierId == supplier) && inWarehouse(toWarehouse);
    }

    /** Whether the robot's messages are a supplier's: alert figures left out as for supplier users. */
    public boolean supplierRobot() {
        return supplierId != null;
    }

    public boolean zh() {
        return language == null || language.startsWith("zh");
    }

    private boolean inWarehouse(String code) {
        return warehouse == null || code == null || warehouse.equals(code);
    }
}
