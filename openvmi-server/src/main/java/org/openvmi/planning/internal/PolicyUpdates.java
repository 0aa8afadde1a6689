package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockPositions;
import org.openvmi.planning.model.Plan;
import org.openvmi.planning.model.PlanInput;

/** Where the planned lines go: the stock policies of the item-warehouses (only those in DYNAMIC mode change). */
public interface PolicyUpdates {

    /** Applies the planned safety / warning / max lines; returns how many policies changed. */
    int apply(List<Plan> plans);

    /** The lines of MANUAL policies (of one warehouse, or all), which stay in force for suggestions. */
    default Map<StockPositions.Key, PlanInput.Lines> manualLines(Long warehouseId) {
        return Map.of();
    }

    /**
     * The service level targets set on policies (of one warehouse, or all): planned at instead of the run's level.
     * Not a default method: a wrapper that forgot it would silently plan every pair at the run's level.
     */
    Map<ItemWarehouse, BigDecimal> serviceLevelTargets(Long warehouseId);
}
