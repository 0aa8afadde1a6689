package org.openvmi.analytics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openvmi.analytics.AnalyticsFilter;
import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.analytics.PlanningKpiQueries;
import org.openvmi.analytics.SupplyKpiQueries;
import org.openvmi.analytics.model.Period;
import org.openvmi.analytics.model.PlanningKpis;
import org.openvmi.analytics.model.SupplyKpis;
import org.openvmi.shared.web.EnumLabels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The planner's and the finance dashboards (issue 15): cards of the KPIs each role answers for and ECharts drawn by
 * {@code static/js/role-dashboards.js} from a JSON block of chart descriptions with their labels already in the page's
 * language (no inline script: CSP).
 */
@Controller
class RoleDashboardsController {

    /** Forecast buckets are weeks: a quarter gives a dozen of them per item. */
    private static final int PLANNER_DAYS = 90;
    private static final int MONTHS = 6;
    private static final int FINANCE_MONTHS = 12;
    private static final int WORST_ITEMS = 10;

    private final AnalyticsQueries analytics;
    private final PlanningKpiQueries planning;
    private final SupplyKpiQueries supply;
    private final MessageSource messages;
    private final EnumLabels enums;
    private final JsonMapper json;

    RoleDashboardsController(AnalyticsQueries analytics, PlanningKpiQueries planning, SupplyKpiQueries supply,
                             MessageSource messages, EnumLabels enums, JsonMapper json) {
        this.analytics = analytics;
        this.planning = planning;
        this.supply = supply;
        this.messages = messages;
        this.enums = enums;
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
        PlanningKpis.Acceptance acceptance = planning.acceptance(filter, month);
        model.addAttribute("warehouse", w);
        model.addAttribute("quarter", quarter);
        model.addAttribute("month", month);
        model.addAttribute("accuracy", accuracy.overall());
        model.addAttribute("acceptance", acceptance);
        model.addAttribute("exceptions", planning.exceptions(w));
        model.addAttribute("worst", accuracy.items().stream().limit(WORST_ITEMS).toList());

        Period half = new Period(YearMonth.from(today).minusMonths(MONTHS - 1L).atDay(1), today);
        PlanningKpiQueries.AccuracyReport monthly = planning.accuracy(filter, half);
        List<String> months = monthly.months().stream().map(PlanningKpiQueries.MonthAccuracy::month).toList();
        List<BigDecimal> accepted = new ArrayList<>();
        List<BigDecimal> ofRaised = new ArrayList<>();
        for (String m : months) {
            YearMonth ym = YearMonth.parse(m);
            LocalDate end = ym.atEndOfMonth().isAfter(today) ? today : ym.atEndOfMonth();
            PlanningKpis.Acceptance a = planning.acceptance(filter, new Period(ym.atDay(1), end));
            accepted.add(a.ofDecided());
            ofRaised.add(a.ofRaised());
        }
        List<Map<String, Object>> charts = List.of(
                chart("accuracy-chart", "line", months, true,
                        series(text("analytics.kpi.forecastAccuracy"), monthly.months().stream()
                                .map(a -> a.accuracy().accuracy()).toList(), null),
                        series(text("analytics.kpi.forecastWape"), monthly.months().stream()
                                .map(a -> a.accuracy().wape()).toList(), null),
                        series(text("analytics.kpi.forecastBias"), monthly.months().stream()
                                .map(a -> a.accuracy().bias()).toList(), null)),
                chart("plan-actual-chart", "bar", months, false,
                        series(text("analytics.planner.forecast"), monthly.months().stream()
                                .map(a -> a.accuracy().forecast()).toList(), null),
                        series(text("analytics.planner.actual"), monthly.months().stream()
                                .map(a -> a.accuracy().actual()).toList(), null)),
                chart("acceptance-chart", "line", months, true,
                        series(text("analytics.kpi.suggestionAcceptance"), accepted, null),
                        series(text("analytics.kpi.suggestionAcceptanceOfRaised"), ofRaised, null)));
        model.addAttribute("chartJson", json.writeValueAsString(Map.of("charts", charts)));
        return "analytics/planner";
    }

    @GetMapping("/dashboards/finance")
    String finance(@RequestParam(required = false) String warehouse, Model model) {
        String w = blank(warehouse);
        AnalyticsFilter filter = new AnalyticsFilter(w, null, null);
        Period month = analytics.period(null, null);
        LocalDate today = month.to();
        Period quarter = new Period(today.minusDays(PLANNER_DAYS - 1), today);
        SupplyKpiQueries.ConsignmentReport consignment = supply.consignment(filter, month);
        SupplyKpiQueries.SupplyFigures figures = supply.figures(null, w, quarter);
        Map<String, Long> statements = supply.statementsByStatus(filter);
        Map<String, SupplyKpis.PriceVariance> variance = supply.priceVarianceBySupplier(w, quarter);
        model.addAttribute("warehouse", w);
        model.addAttribute("month", month);
        model.addAttribute("quarter", quarter);
        model.addAttribute("consignment", consignment);
        model.addAttribute("figures", figures);
        model.addAttribute("statements", statements);
        model.addAttribute("variance", variance);

        Period year = new Period(YearMonth.from(today).minusMonths(FINANCE_MONTHS - 1L).atDay(1), today);
        SupplyKpiQueries.ConsignmentReport consumed = supply.consignment(filter, year);
        List<Map<String, Object>> consumedSeries = new ArrayList<>();
        consumed.consumptionByMonth().forEach((s, values) -> consumedSeries.add(series(s, values, "consumed")));
        List<String> suppliers = consignment.suppliers().stream().map(SupplyKpiQueries.ConsignmentLine::supplier).toList();
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> slices = new ArrayList<>();
        statements.forEach((status, count) -> {
            Map<String, Object> slice = new LinkedHashMap<>();
            slice.put("name", enums.label("StatementStatus", status, locale));
            slice.put("value", count);
            slices.add(slice);
        });
        List<Map<String, Object>> charts = List.of(
                chart("liability-chart", "bar", suppliers, false,
                        series(text("analytics.finance.liability"), consignment.suppliers().stream()
                                .map(SupplyKpiQueries.ConsignmentLine::stockValue).toList(), null)),
                chart("consumption-chart", "bar", consumed.months(), false, consumedSeries.toArray(Map[]::new)),
                pie("statements-chart", text("analytics.finance.statements"), slices),
                chart("price-variance-chart", "bar", List.copyOf(variance.keySet()), false,
                        series(text("analytics.kpi.priceVarianceValue"), variance.values().stream()
                                .map(SupplyKpis.PriceVariance::value).toList(), null)));
        model.addAttribute("chartJson", json.writeValueAsString(Map.of("charts", charts)));
        return "analytics/finance";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    @SafeVarargs
    private static Map<String, Object> chart(String id, String type, List<String> categories, boolean percent,
                                             Map<String, Object>... series) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("type", type);
        c.put("categories", categories);
        c.put("percent", percent);
        c.put("series", List.of(series));
        return c;
    }

    private static Map<String, Object> pie(String id, String name, List<Map<String, Object>> slices) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("type", "pie");
        c.put("series", List.of(Map.of("name", name, "data", slices)));
        return c;
    }

    private static Map<String, Object> series(String name, List<?> data, String stack) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        if (stack != null) {
            s.put("stack", stack);
        }
        return s;
    }
}
