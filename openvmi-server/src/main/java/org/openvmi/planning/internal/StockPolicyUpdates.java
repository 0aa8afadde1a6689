package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.util.List;

import org.openvmi.planning.model.Plan;
import org.openvmi.stockpolicy.PlannedLevels;
import org.openvmi.stockpolicy.StockPolicies;
import org.springframework.stereotype.Component;

/** Hands the planned lines to the stock policies: DYNAMIC ones change (or are created), MANUAL ones stay. */
@Component
class StockPolicyUpdates implements PolicyUpdates {

    private final StockPolicies policies;

    StockPolicyUpdates(StockPolicies policies) {
        this.policies = policies;
    }

    @Override
    public int apply(List<Plan> plans) {
        if (plans.isEmpty()) {
            return 0;
        }
        return policies.applyPlanned(plans.stream().map(p -> new PlannedLevels(p.input().itemId(),
                p.input().warehouseId(), p.safety(), p.reorderPoint(), p.orderUpTo(),
                BigDecimal.valueOf(p.input().serviceLevel()))).toList());
    }
}
