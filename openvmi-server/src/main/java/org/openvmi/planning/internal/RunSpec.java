package org.openvmi.planning.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.openvmi.inventory.ItemWarehouse;

/**
 * A validated run: resolved filters (null = all), horizon, service level and the weeks of history to read;
 * {@code pairs} narrows a targeted re-plan to just those item × warehouses (null = every pair the filters leave).
 */
public record RunSpec(
        long runId,
        Long warehouseId,
        List<Long> itemIds,
        String category,
        Long supplierId,
        int horizonDays,
        double serviceLevel,
        LocalDate historyFrom,
        LocalDate historyTo,
        Set<ItemWarehouse> pairs) {

    /** Two runs overlap unless they name different warehouses or disjoint item codes (null = all). */
    public static boolean overlap(Long warehouse, List<String> items, Long otherWarehouse, List<String> otherItems) {
        if (warehouse != null && otherWarehouse != null && !warehouse.equals(otherWarehouse)) {
            return false;
        }
        return items == null || otherItems == null || items.stream().anyMatch(otherItems::contains);
    }
}
