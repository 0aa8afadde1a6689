package org.openvmi.stockpolicy;

import java.util.Set;

/**
 * The warehouses and alert types a user cares about (empty = all), as its notification preferences say. The bell and
 * the alert centre count only the alerts inside it; an alert about no warehouse (a supplier's low water) passes a
 * warehouse filter.
 */
public record AlertInterest(Set<String> warehouses, Set<AlertType> types) {

    public static final AlertInterest ALL = new AlertInterest(Set.of(), Set.of());

    public AlertInterest {
        warehouses = Set.copyOf(warehouses);
        types = Set.copyOf(types);
    }

    public boolean isAll() {
        return warehouses.isEmpty() && types.isEmpty();
    }

    /**
     * Implemented by the feature that keeps the users' preferences (notification), which depends on this one: the
     * interface lives here so that the dependency does not turn round.
     */
    public interface Source {
        AlertInterest of(String username);
    }
}
