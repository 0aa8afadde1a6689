package org.openvmi.analytics.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.analytics.AgingReport;
import org.openvmi.analytics.AnalyticsFilter;
import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.analytics.MonthFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The management dashboard: KPI cards of the last 30 days and twelve months of trends, aging per owner. */
@Controller
class AnalyticsPageController {

    private static final int MONTHS = 12;

    private final AnalyticsQueries analytics;
    private final JsonMapper json;

    AnalyticsPageController(AnalyticsQueries analytics, JsonMapper json) {
        this.analytics = analytics;
        this.json = json;
    }

    @GetMapping("/dashboards/management")
    String management(@RequestParam(required = false) String warehouse, Model model) {
        String w = warehouse == null || warehouse.isBlank() ? null : warehouse.trim();
        AnalyticsFilter filter = new AnalyticsFilter(w, null, null);
        model.addAttribute("warehouse", w);
        model.addAttribute("report", analytics.kpis(filter, analytics.period(null, null)));
        List<MonthFigures> months = analytics.monthly(filter, MONTHS);
        AgingReport aging = analytics.aging(filter);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", months.stream().map(m -> m.month().toString()).toList());
        chart.put("own", months.stream().map(MonthFigures::stockValue).toList());
        chart.put(
                "consignment",
                months.stream().map(MonthFigures::consignmentValue).toList());
        chart.put(
                "turnoverDays", months.stream().map(MonthFigures::turnoverDays).toList());
        chart.put(
                "stockoutRate", months.stream().map(MonthFigures::stockoutRate).toList());
        chart.put("stale", months.stream().map(MonthFigures::staleValue).toList());
        chart.put("aging", aging.owners());
        model.addAttribute("aging", aging);
        model.addAttribute("chartJson", json.writeValueAsString(chart));
        return "analytics/dashboard";
    }
}
