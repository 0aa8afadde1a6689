package org.openvmi.planning;

import java.util.List;
import org.openvmi.inventory.ItemWarehouse;

/**
 * A planning run finished (its forecasts, suggestions and planned lines are written): what it planned. A targeted
 * re-plan names its {@code pairs}; otherwise {@code itemIds} (null: every item, e.g. a run by category or supplier or
 * over everything) at {@code warehouseId} (null: every warehouse). Published after the run's last write, outside any
 * transaction; the rules engine evaluates its event-triggered rules on those subjects.
 */
public record PlanningRunFinished(long runId, Long warehouseId, List<Long> itemIds, List<ItemWarehouse> pairs) {

    public PlanningRunFinished {
        itemIds = itemIds == null ? null : List.copyOf(itemIds);
        pairs = pairs == null ? null : List.copyOf(pairs);
    }
}
