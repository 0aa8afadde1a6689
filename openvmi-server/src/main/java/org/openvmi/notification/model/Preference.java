package org.openvmi.notification.model;

import java.util.Set;
import org.openvmi.notification.EmailMode;
import org.openvmi.stockpolicy.AlertType;

/** A user's saved choice: e-mail mode and the warehouses and alert types it cares about (empty = all). */
public record Preference(EmailMode emailMode, Set<String> warehouses, Set<AlertType> alertTypes) {

    public Preference {
        warehouses = Set.copyOf(warehouses);
        alertTypes = alertTypes.isEmpty() ? Set.of() : Set.copyOf(alertTypes);
    }
}
