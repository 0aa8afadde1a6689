package org.openvmi.analytics;

import java.util.ArrayList;
import java.util.List;
import org.openvmi.analytics.model.Period;
import org.springframework.stereotype.Service;

/**
 * Every KPI of {@code GET /analytics/kpis}: the ledger KPIs of {@link AnalyticsQueries} followed by the supplier,
 * consignment and planning KPIs of {@link SupplyKpiQueries} and {@link PlanningKpiQueries}.
 */
@Service
public class KpiBoard {

    private final AnalyticsQueries ledger;
    private final SupplyKpiQueries supply;
    private final PlanningKpiQueries planning;

    KpiBoard(AnalyticsQueries ledger, SupplyKpiQueries supply, PlanningKpiQueries planning) {
        this.ledger = ledger;
        this.supply = supply;
        this.planning = planning;
    }

    public KpiReport kpis(AnalyticsFilter filter, Period period) {
        KpiReport base = ledger.kpis(filter, period);
        List<KpiValue> values = new ArrayList<>(base.kpis());
        values.addAll(supply.kpis(base, filter, period));
        values.addAll(planning.kpis(filter, period));
        return new KpiReport(
                base.from(),
                base.to(),
                base.previousFrom(),
                base.previousTo(),
                base.warehouse(),
                base.supplier(),
                base.category(),
                List.copyOf(values));
    }
}
