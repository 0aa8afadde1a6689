package org.openvmi.analytics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openvmi.analytics.AgingReport;
import org.openvmi.analytics.AnalyticsFilter;
import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.analytics.DashboardQueries;
import org.openvmi.analytics.MonthFigures;
import org.openvmi.analytics.PlanningKpiQueries;
import org.openvmi.analytics.StaleReport;
import org.openvmi.analytics.SupplyKpiQueries;
import org.openvmi.analytics.model.Period;
import org.openvmi.analytics.model.PlanningKpis;
import org.openvmi.analytics.model.SupplyKpis;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.EnumLabels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every chart of every dashboard as a {@link ChartTable}, by dashboard and chart id. The one place a dashboard's chart
 * data is made, so that the page draws and the export writes the same figures.
 */
@Component
class DashboardTables {

    static final int MONTHS = 12;
    /** The stale lines a chart shows (the most valuable); the stale-stock list itself is on /api/v1/analytics/stale. */
    static final int STALE_LINES = 20;

    /** The planner's and the finance charts' months (forecast accuracy and acceptance; consumption). */
    static final int PLANNER_MONTHS = 6;

    static final int FINANCE_MONTHS = 12;
    /** The finance dashboard's price variance covers the last quarter. */
    static final int QUARTER_DAYS = 90;

    private final AnalyticsQueries analytics;
    private final DashboardQueries dashboards;
    private final PlanningKpiQueries planning;
    private final SupplyKpiQueries supply;
    private final EnumLabels enums;
    private final MessageSource messages;

    DashboardTables(
            AnalyticsQueries analytics,
            DashboardQueries dashboards,
            PlanningKpiQueries planning,
            SupplyKpiQueries supply,
            EnumLabels enums,
            MessageSource messages) {
        this.analytics = analytics;
        this.dashboards = dashboards;
        this.planning = planning;
        this.supply = supply;
        this.enums = enums;
        this.messages = messages;
    }

    /**
     * The charts of a dashboard ({@code management}, {@code warehouse}, {@code buyer}, {@code planner},
     * {@code finance}), in page order.
     */
    Map<String, ChartTable> of(String dashboard, String warehouse) {
        return switch (dashboard) {
            case "management" -> management(warehouse);
            case "warehouse" -> warehouse(dashboards.warehouse(warehouse));
            case "buyer" -> buyer(dashboards.buyer());
            case "planner" -> planner(warehouse);
            case "finance" -> finance(warehouse);
            default -> throw new NotFoundException("dashboard", dashboard);
        };
    }

    Map<String, ChartTable> management(String warehouse) {
        AnalyticsFilter filter = new AnalyticsFilter(warehouse, null, null);
        List<MonthFigures> months = analytics.monthly(filter, MONTHS);
        Map<String, ChartTable> charts = new LinkedHashMap<>();
        put(
                charts,
                table(
                        "value",
                        List.of("month", "own", "consignment"),
                        months,
                        m -> Arrays.asList(m.month().toString(), m.stockValue(), m.consignmentValue())));
        put(
                charts,
                table(
                        "turnover",
                        List.of("month", "turnoverDays"),
                        months,
                        m -> Arrays.asList(m.month().toString(), m.turnoverDays())));
        put(
                charts,
                table(
                        "stockout",
                        List.of("month", "stockoutRate"),
                        months,
                        m -> Arrays.asList(m.month().toString(), m.stockoutRate())));
        put(charts, aging(analytics.aging(filter)));
        return charts;
    }

    private Map<String, ChartTable> warehouse(DashboardQueries.WarehouseDashboard d) {
        Map<String, ChartTable> charts = new LinkedHashMap<>();
        put(
                charts,
                table(
                        "stockValue",
                        List.of("warehouse", "owner", "value"),
                        d.values(),
                        v -> Arrays.asList(v.warehouse(), enums.owner(v.owner()), v.value())));
        put(charts, aging(d.aging()));
        put(
                charts,
                table(
                        "stale",
                        List.of("item", "warehouse", "owner", "qty", "value", "lastIssue"),
                        d.stale().lines().stream().limit(STALE_LINES).toList(),
                        this::staleRow));
        put(
                charts,
                table(
                        "stockouts",
                        List.of("day", "stockouts"),
                        d.days(),
                        day -> Arrays.asList(day.day().toString(), day.stockouts())));
        put(
                charts,
                table(
                        "flows",
                        List.of("day", "receiptQty", "issueQty"),
                        d.days(),
                        day -> Arrays.asList(day.day().toString(), day.receiptQty(), day.issueQty())));
        return charts;
    }

    private Map<String, ChartTable> buyer(DashboardQueries.BuyerDashboard d) {
        Map<String, ChartTable> charts = new LinkedHashMap<>();
        put(
                charts,
                table(
                        "otif",
                        List.of("supplier", "otif", "dueLines", "otifLines"),
                        d.scorecards(),
                        c -> Arrays.asList(c.supplier(), c.otif(), c.dueLines(), c.otifLines())));
        put(
                charts,
                table(
                        "leadTime",
                        List.of("supplier", "leadTimeMeanDays", "sourceLeadTimeMeanDays", "leadTimeSpreadDays"),
                        d.scorecards(),
                        c -> Arrays.asList(
                                c.supplier(),
                                round(c.leadTimeMeanDays()),
                                round(c.sourceLeadTimeMeanDays()),
                                round(c.leadTimeSpreadDays()))));
        put(
                charts,
                table(
                        "overdue",
                        List.of("kind", "count"),
                        List.copyOf(d.overdue().entrySet()),
                        e -> Arrays.asList(enums.label("OverdueKind", e.getKey()), e.getValue())));
        put(
                charts,
                table(
                        "openOrders",
                        List.of("status", "count"),
                        List.copyOf(d.openOrders().entrySet()),
                        e -> Arrays.asList(enums.label("PurchaseOrderStatus", e.getKey()), e.getValue())));
        return charts;
    }

    /** Forecast accuracy, plan vs actual and suggestion acceptance per calendar month of the last six. */
    Map<String, ChartTable> planner(String warehouse) {
        AnalyticsFilter filter = new AnalyticsFilter(warehouse, null, null);
        LocalDate today = analytics.period(null, null).to();
        Period half = new Period(
                YearMonth.from(today).minusMonths(PLANNER_MONTHS - 1L).atDay(1), today);
        List<PlanningKpiQueries.MonthAccuracy> months =
                planning.accuracy(filter, half).months();
        List<Object[]> acceptance = new ArrayList<>();
        for (PlanningKpiQueries.MonthAccuracy m : months) {
            YearMonth ym = YearMonth.parse(m.month());
            LocalDate end = ym.atEndOfMonth().isAfter(today) ? today : ym.atEndOfMonth();
            acceptance.add(new Object[] {m.month(), planning.acceptance(filter, new Period(ym.atDay(1), end))});
        }
        Map<String, ChartTable> charts = new LinkedHashMap<>();
        put(
                charts,
                table(
                        "accuracy",
                        List.of("month", "forecastAccuracy", "forecastWape", "forecastBias"),
                        months,
                        m -> Arrays.asList(
                                m.month(),
                                m.accuracy().accuracy(),
                                m.accuracy().wape(),
                                m.accuracy().bias())));
        put(
                charts,
                table(
                        "planActual",
                        List.of("month", "forecast", "actual"),
                        months,
                        // a month without a compared forecast week has no figures (not 0 / 0: the chart then says so)
                        m -> Arrays.asList(
                                m.month(),
                                m.accuracy().buckets() == 0
                                        ? null
                                        : m.accuracy().forecast(),
                                m.accuracy().buckets() == 0
                                        ? null
                                        : m.accuracy().actual())));
        put(
                charts,
                table(
                        "acceptance",
                        List.of("month", "suggestionAcceptance", "suggestionAcceptanceOfRaised"),
                        acceptance,
                        a -> Arrays.asList(
                                a[0],
                                ((PlanningKpis.Acceptance) a[1]).ofDecided(),
                                ((PlanningKpis.Acceptance) a[1]).ofRaised())));
        return charts;
    }

    /**
     * Consignment liability per supplier (this month's end), consumed value per month and supplier (the last twelve,
     * a row for every month and supplier), statements by status, price variance per supplier (the last quarter).
     */
    Map<String, ChartTable> finance(String warehouse) {
        AnalyticsFilter filter = new AnalyticsFilter(warehouse, null, null);
        Period month = analytics.period(null, null);
        LocalDate today = month.to();
        SupplyKpiQueries.ConsignmentReport consignment = supply.consignment(filter, month);
        Period year = new Period(
                YearMonth.from(today).minusMonths(FINANCE_MONTHS - 1L).atDay(1), today);
        SupplyKpiQueries.ConsignmentReport consumed = supply.consignment(filter, year);
        List<Object[]> perMonth = new ArrayList<>();
        for (int i = 0; i < consumed.months().size(); i++) {
            int m = i;
            consumed.consumptionByMonth()
                    .forEach((s, values) ->
                            perMonth.add(new Object[] {consumed.months().get(m), s, values.get(m)}));
        }
        Period quarter = new Period(today.minusDays(QUARTER_DAYS - 1L), today);
        Map<String, SupplyKpis.PriceVariance> variance = supply.priceVarianceBySupplier(warehouse, quarter);
        Map<String, ChartTable> charts = new LinkedHashMap<>();
        put(
                charts,
                table(
                        "liability",
                        List.of("supplier", "liability", "consumed", "daysOnHand"),
                        consignment.suppliers(),
                        l -> Arrays.asList(l.supplier(), l.stockValue(), l.consumptionValue(), l.daysOnHand())));
        put(
                charts,
                table(
                        "consumption",
                        List.of("month", "supplier", "consumed"),
                        perMonth,
                        r -> Arrays.asList(r[0], r[1], r[2])));
        put(
                charts,
                table(
                        "statements",
                        List.of("status", "count"),
                        List.copyOf(supply.statementsByStatus(filter).entrySet()),
                        e -> Arrays.asList(enums.label("StatementStatus", e.getKey()), e.getValue())));
        put(
                charts,
                table(
                        "priceVariance",
                        List.of("supplier", "priceVarianceValue", "priceVarianceShare"),
                        List.copyOf(variance.entrySet()),
                        e -> Arrays.asList(
                                e.getKey(), e.getValue().value(), e.getValue().share())));
        return charts;
    }

    private ChartTable aging(AgingReport aging) {
        return table(
                "aging",
                List.of("owner", "d0to30", "d31to90", "d91to180", "d181to365", "over365", "total"),
                aging.owners(),
                o -> Arrays.asList(
                        enums.owner(o.owner()),
                        o.d0to30(),
                        o.d31to90(),
                        o.d91to180(),
                        o.d181to365(),
                        o.over365(),
                        o.total()));
    }

    private List<Object> staleRow(StaleReport.StaleLine l) {
        return Arrays.asList(
                l.item(),
                l.warehouse(),
                enums.owner(l.owner()),
                l.qty(),
                l.value(),
                l.lastIssue() == null ? null : l.lastIssue().toString());
    }

    private static BigDecimal round(BigDecimal days) {
        return days == null ? null : days.setScale(1, RoundingMode.HALF_UP);
    }

    private <T> ChartTable table(String id, List<String> columns, List<T> data, Function<T, List<Object>> row) {
        List<String> headings = columns.stream()
                .map(c -> messages.getMessage("dashboard.col." + c, null, LocaleContextHolder.getLocale()))
                .toList();
        List<List<Object>> rows = new ArrayList<>();
        data.forEach(d -> rows.add(row.apply(d)));
        return new ChartTable(id, columns, headings, rows);
    }

    private static void put(Map<String, ChartTable> charts, ChartTable table) {
        charts.put(table.id(), table);
    }
}
