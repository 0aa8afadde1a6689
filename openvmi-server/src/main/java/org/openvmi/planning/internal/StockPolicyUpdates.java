package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.StockPositions;
import org.openvmi.planning.model.Plan;
import org.openvmi.planning.model.PlanInput;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.stockpolicy.PlannedLevels;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.stereotype.Component;

/** Hands the planned lines to the stock policies: DYNAMIC ones change (or are created), MANUAL ones stay. */
@Component
class StockPolicyUpdates implements PolicyUpdates {

    private final StockPolicies policies;
    private final CatalogRefs refs;
    private final PlanningCatalog catalog;

    StockPolicyUpdates(StockPolicies policies, CatalogRefs refs, PlanningCatalog catalog) {
        this.policies = policies;
        this.refs = refs;
        this.catalog = catalog;
    }

    @Override
    public Map<StockPositions.Key, PlanInput.Lines> manualLines(Long warehouseId) {
        Map<String, Long> warehouseIds = new HashMap<>();
        catalog.warehouseCodes().forEach((id, code) -> warehouseIds.put(code, id));
        String location = null;
        if (warehouseId != null) {
            location = catalog.warehouseCodes().get(warehouseId);
        }
        Map<StockPositions.Key, PlanInput.Lines> lines = new HashMap<>();
        for (int page = 0; ; page++) {
            PageResult<StockPolicyView> views =
                    policies.find(location, null, PolicyMode.MANUAL, PageRequest.of(page, PageRequest.MAX_SIZE));
            List<String> codes = new ArrayList<>(views.content().stream()
                    .map(StockPolicyView::item)
                    .distinct()
                    .toList());
            Map<String, ItemRef> items = refs.items(codes);
            for (StockPolicyView v : views.content()) {
                ItemRef item = items.get(v.item());
                Long wh = warehouseIds.get(v.location());
                if (item != null && wh != null) {
                    lines.put(
                            new StockPositions.Key(item.id(), wh),
                            new PlanInput.Lines(v.safety(), v.warning(), v.max()));
                }
            }
            if (views.content().size() < PageRequest.MAX_SIZE) {
                return lines;
            }
        }
    }

    @Override
    public Map<org.openvmi.inventory.ItemWarehouse, BigDecimal> serviceLevelTargets(Long warehouseId) {
        return policies.serviceLevelTargets(warehouseId);
    }

    @Override
    public int apply(List<Plan> plans) {
        if (plans.isEmpty()) {
            return 0;
        }
        return policies.applyPlanned(plans.stream()
                .filter(p -> !p.manual())
                .map(p -> new PlannedLevels(
                        p.input().itemId(),
                        p.input().warehouseId(),
                        p.plannedSafety(),
                        p.plannedReorderPoint(),
                        p.plannedOrderUpTo(),
                        BigDecimal.valueOf(p.input().serviceLevel())))
                .toList());
    }
}
