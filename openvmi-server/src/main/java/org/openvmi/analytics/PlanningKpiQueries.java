package org.openvmi.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openvmi.analytics.model.Period;
import org.openvmi.analytics.model.PlanningKpis;
import org.openvmi.planning.PlanningFacts;
import org.openvmi.shared.PageRequest;
import org.openvmi.stockpolicy.AlertStatus;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.Alerts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Forecast accuracy (plan vs actual, 计划 vs 实际) and suggestion acceptance from planning's facts (docs/kpis.md), and
 * the planner's exceptions. Buyer side only: forecasts and suggestions cover every supplier's items.
 */
@Service
public class PlanningKpiQueries {

    /** Forecast accuracy of an item at a warehouse in the period. */
    public record ItemAccuracy(String item, String warehouse, PlanningKpis.Accuracy accuracy) {}

    /** Accuracy of one calendar month's buckets (by the bucket's first day). */
    public record MonthAccuracy(String month, PlanningKpis.Accuracy accuracy) {}

    /** Accuracy of the period overall, per calendar month and per item × warehouse (least accurate first). */
    public record AccuracyReport(
            LocalDate from,
            LocalDate to,
            PlanningKpis.Accuracy overall,
            List<MonthAccuracy> months,
            List<ItemAccuracy> items) {}

    /** What waits for a planner now: items at zero or below safety (open alerts), suggestions not decided yet. */
    public record Exceptions(long stockouts, long belowSafety, long openSuggestions) {}

    private final PlanningFacts facts;
    private final Alerts alerts;
    private final ItemScope scopes;
    private final Clock clock;

    PlanningKpiQueries(PlanningFacts facts, Alerts alerts, ItemScope scopes, Clock clock) {
        this.facts = facts;
        this.alerts = alerts;
        this.scopes = scopes;
        this.clock = clock;
    }

    public AccuracyReport accuracy(AnalyticsFilter filter, Period period) {
        ItemScope.Scope scope = buyerSide(filter);
        Map<String, List<PlanningKpis.Observation>> byItem = new TreeMap<>();
        Map<String, List<PlanningKpis.Observation>> byMonth = new TreeMap<>();
        List<PlanningKpis.Observation> all = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from());
                !m.isAfter(YearMonth.from(period.to()));
                m = m.plusMonths(1)) {
            byMonth.put(m.toString(), new ArrayList<>());
        }
        for (PlanningFacts.ForecastBucket b : facts.firstBuckets(filter.warehouse(), period.from(), period.to())) {
            if (!scope.covers(b.item())) {
                continue;
            }
            PlanningKpis.Observation o = new PlanningKpis.Observation(b.forecast(), b.actual());
            all.add(o);
            byItem.computeIfAbsent(b.item() + "\u0000" + b.warehouse(), k -> new ArrayList<>())
                    .add(o);
            byMonth.get(YearMonth.from(b.start()).toString()).add(o);
        }
        List<ItemAccuracy> items = new ArrayList<>();
        byItem.forEach((k, o) -> {
            String[] parts = k.split("\u0000");
            items.add(new ItemAccuracy(parts[0], parts[1], PlanningKpis.accuracy(o)));
        });
        // least accurate first: the items a planner should look at; items without demand (WAPE undefined) last
        items.sort(Comparator.comparing(
                        (ItemAccuracy i) -> i.accuracy().wape(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ItemAccuracy::item));
        List<MonthAccuracy> months = new ArrayList<>();
        byMonth.forEach((m, o) -> months.add(new MonthAccuracy(m, PlanningKpis.accuracy(o))));
        return new AccuracyReport(period.from(), period.to(), PlanningKpis.accuracy(all), months, items);
    }

    public PlanningKpis.Acceptance acceptance(AnalyticsFilter filter, Period period) {
        ItemScope.Scope scope = buyerSide(filter);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        facts.suggestions(filter.warehouse(), period.from(), period.to(), clock.getZone())
                .forEach(c -> {
                    if (scope.covers(c.item())) {
                        byStatus.merge(c.status(), c.count(), Long::sum);
                    }
                });
        return PlanningKpis.acceptance(byStatus);
    }

    public Exceptions exceptions(String warehouse) {
        PageRequest one = PageRequest.of(0, 1);
        List<AlertStatus> open = List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
        long stockouts = alerts.find(AlertType.STOCKOUT, open, warehouse, null, null, one)
                .totalElements();
        long belowSafety = alerts.find(AlertType.BELOW_SAFETY, open, warehouse, null, null, one)
                .totalElements();
        return new Exceptions(stockouts, belowSafety, facts.openSuggestions(warehouse));
    }

    /** The planning KPIs of /kpis; none for a supplier caller (forecasts and suggestions span every supplier). */
    List<KpiValue> kpis(AnalyticsFilter filter, Period period) {
        if (scopes.of(filter).supplierCaller()) {
            return List.of();
        }
        Period before = period.previous();
        PlanningKpis.Accuracy now = accuracy(filter, period).overall();
        PlanningKpis.Accuracy then = accuracy(filter, before).overall();
        PlanningKpis.Acceptance taken = acceptance(filter, period);
        PlanningKpis.Acceptance takenBefore = acceptance(filter, before);
        List<KpiValue> values = new ArrayList<>();
        values.add(KpiTrends.value("forecastAccuracy", "ratio", now.accuracy(), then.accuracy()));
        values.add(KpiTrends.value("forecastWape", "ratio", now.wape(), then.wape()));
        values.add(KpiTrends.value("forecastBias", "ratio", now.bias(), then.bias()));
        values.add(KpiTrends.value("suggestionAcceptance", "ratio", taken.ofDecided(), takenBefore.ofDecided()));
        values.add(KpiTrends.value("suggestionAcceptanceOfRaised", "ratio", taken.ofRaised(), takenBefore.ofRaised()));
        return values;
    }

    private ItemScope.Scope buyerSide(AnalyticsFilter filter) {
        ItemScope.Scope scope = scopes.of(filter);
        if (scope.supplierCaller()) {
            throw new AccessDeniedException("planning figures are for the buyer side");
        }
        return scope;
    }
}
