package org.openvmi.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.openvmi.analytics.AnalyticsFilter;
import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warehouse and buyer dashboards, the management dashboard's big screen (数字大屏), and every dashboard chart's
 * data as JSON or as an XLSX file (one endpoint for all charts, so every chart is exportable the same way).
 */
@Controller
class DashboardPageController {

    private static final int MIN_REFRESH = 2;
    private static final int MAX_REFRESH = 3600;
    /** The KPIs the big screen shows (eight cards, four by two at 1920 × 1080). */
    private static final java.util.List<String> SCREEN_KPIS = java.util.List.of(
            "stockValue",
            "consignmentValue",
            "issueCost",
            "turnoverDays",
            "stockoutRate",
            "fillRate",
            "staleValue",
            "healthWithin");

    private final DashboardTables tables;
    private final AnalyticsQueries analytics;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration refresh;

    DashboardPageController(
            DashboardTables tables,
            AnalyticsQueries analytics,
            JsonMapper json,
            Clock clock,
            @Value("${openvmi.dashboards.big-screen-refresh:PT60S}") Duration refresh) {
        this.tables = tables;
        this.analytics = analytics;
        this.json = json;
        this.clock = clock;
        this.refresh = refresh;
    }

    @GetMapping("/dashboards/warehouse")
    String warehouse(@RequestParam(required = false) String warehouse, Model model) {
        String w = blankToNull(warehouse);
        model.addAttribute("warehouse", w);
        return page("warehouse", tables.of("warehouse", w), model);
    }

    @GetMapping("/dashboards/buyer")
    String buyer(Model model) {
        return page("buyer", tables.of("buyer", null), model);
    }

    /**
     * The management KPIs and charts full screen on a dark ground for a wall display; the page polls itself every
     * {@code openvmi.dashboards.big-screen-refresh} (default 60 s; {@code ?refresh=} seconds overrides it).
     */
    @GetMapping("/dashboards/management/big-screen")
    String bigScreen(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer refresh,
            Model model) {
        if (refresh != null && (refresh < MIN_REFRESH || refresh > MAX_REFRESH)) {
            throw InvalidInputException.of("refresh", CodedRefusal.between(MIN_REFRESH, MAX_REFRESH));
        }
        String w = blankToNull(warehouse);
        model.addAttribute("warehouse", w);
        model.addAttribute(
                "refreshSeconds", refresh != null ? refresh : Math.max(MIN_REFRESH, this.refresh.toSeconds()));
        model.addAttribute("report", analytics.kpis(new AnalyticsFilter(w, null, null), analytics.period(null, null)));
        model.addAttribute("updatedAt", clock.instant());
        model.addAttribute("screenKpis", SCREEN_KPIS);
        return page("big-screen", tables.management(w), model);
    }

    /** One chart's table as JSON, or with {@code ?format=xlsx} as a spreadsheet with the same figures. */
    @GetMapping("/dashboards/{dashboard}/charts/{chart}")
    @ResponseBody
    Object chart(
            @PathVariable String dashboard,
            @PathVariable String chart,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String format,
            HttpServletResponse response)
            throws IOException {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (format != null && !xlsx && !"json".equalsIgnoreCase(format)) {
            throw InvalidInputException.of("format", "json or xlsx");
        }
        ChartTable table = tables.of(dashboard, blankToNull(warehouse)).get(chart);
        if (table == null) {
            throw new NotFoundException("chart", chart);
        }
        if (!xlsx) {
            return table;
        }
        String file = "dashboard-" + dashboard + "-" + chart + "-"
                + LocalDate.now(clock).toString().replace("-", "") + ".xlsx";
        response.setContentType(TabularFormat.XLSX.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        try (TabularWriter writer =
                TabularWriter.open(table.headings(), TabularFormat.XLSX, response.getOutputStream())) {
            table.rows().forEach(writer::row);
        }
        response.flushBuffer();
        return null;
    }

    private String page(String name, Map<String, ChartTable> charts, Model model) {
        model.addAttribute("charts", charts);
        model.addAttribute("chartsJson", json.writeValueAsString(charts));
        return "analytics/" + name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
