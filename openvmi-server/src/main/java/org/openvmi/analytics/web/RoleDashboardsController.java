package org.openvmi.analytics.web;

import java.time.LocalDate;
import java.util.Map;
import org.openvmi.analytics.AnalyticsFilter;
import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.analytics.PlanningKpiQueries;
import org.openvmi.analytics.SupplyKpiQueries;
import org.openvmi.analytics.model.Period;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planner's and the finance dashboards (issue 15): cards of the KPIs each role answers for, and charts whose data
 * are {@link DashboardTables}' tables, drawn by {@code static/js/dashboard-charts.js} and exported as XLSX by
 * {@code /dashboards/{planner|finance}/charts/{chart}} like every other dashboard's.
 */
@Controller
class RoleDashboardsController {

    /** Forecast buckets are weeks: a quarter gives a dozen of them per item. */
    private static final int PLANNER_DAYS = 90;

    private static final int WORST_ITEMS = 10;

    private final AnalyticsQueries analytics;
    private final PlanningKpiQueries planning;
    private final SupplyKpiQueries supply;
    private final DashboardTables tables;
    private final JsonMapper json;

    RoleDashboardsController(
            AnalyticsQueries analytics,
            PlanningKpiQueries planning,
            SupplyKpiQueries supply,
            DashboardTables tables,
            JsonMapper json) {
        this.analytics = analytics;
        this.planning = planning;
        this.supply = supply;
        this.tables = tables;
        this.json = json;
    }

    @GetMapping("/dashboards/planner")
    String planner(@RequestParam(required = false) String warehouse, Model model) {
        String w = blank(warehouse);
        AnalyticsFilter filter = new AnalyticsFilter(w, null, null);
        LocalDate today = analytics.period(null, null).to();
        Period quarter = new Period(today.minusDays(PLANNER_DAYS - 1), today);
        Period month = analytics.period(null, null);
        PlanningKpiQueries.AccuracyReport accuracy = planning.accuracy(filter, quarter);
        model.addAttribute("warehouse", w);
        model.addAttribute("quarter", quarter);
        model.addAttribute("month", month);
        model.addAttribute("accuracy", accuracy.overall());
        model.addAttribute("acceptance", planning.acceptance(filter, month));
        model.addAttribute("exceptions", planning.exceptions(w));
        model.addAttribute("worst", accuracy.items().stream().limit(WORST_ITEMS).toList());
        return page("planner", tables.planner(w), model);
    }

    @GetMapping("/dashboards/finance")
    String finance(@RequestParam(required = false) String warehouse, Model model) {
        String w = blank(warehouse);
        AnalyticsFilter filter = new AnalyticsFilter(w, null, null);
        Period month = analytics.period(null, null);
        LocalDate today = month.to();
        Period quarter = new Period(today.minusDays(DashboardTables.QUARTER_DAYS - 1L), today);
        model.addAttribute("warehouse", w);
        model.addAttribute("month", month);
        model.addAttribute("quarter", quarter);
        model.addAttribute("consignment", supply.consignment(filter, month));
        model.addAttribute("figures", supply.figures(null, w, quarter));
        return page("finance", tables.finance(w), model);
    }

    private String page(String name, Map<String, ChartTable> charts, Model model) {
        model.addAttribute("charts", charts);
        model.addAttribute("chartsJson", json.writeValueAsString(charts));
        return "analytics/" + name;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
