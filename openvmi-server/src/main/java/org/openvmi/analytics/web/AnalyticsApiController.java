package org.openvmi.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.openvmi.analytics.AbcReport;
import org.openvmi.analytics.AgingReport;
import org.openvmi.analytics.AnalyticsFilter;
import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.analytics.KpiBoard;
import org.openvmi.analytics.KpiReport;
import org.openvmi.analytics.PlanningKpiQueries;
import org.openvmi.analytics.StaleReport;
import org.openvmi.analytics.SupplierScorecard;
import org.openvmi.analytics.SupplyKpiQueries;
import org.openvmi.analytics.model.AbcXyz;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Analytics",
        description = "KPIs of the ledger (docs/kpis.md): value, turnover, stockout, aging, ABC × XYZ, stale stock")
@RestController
class AnalyticsApiController {

    private final AnalyticsQueries analytics;
    private final KpiBoard board;
    private final SupplyKpiQueries supply;
    private final PlanningKpiQueries planning;

    AnalyticsApiController(
            AnalyticsQueries analytics, KpiBoard board, SupplyKpiQueries supply, PlanningKpiQueries planning) {
        this.analytics = analytics;
        this.board = board;
        this.supply = supply;
        this.planning = planning;
    }

    @Operation(
            operationId = "getKpis",
            summary = "Every ledger KPI of a period (default the last 30 days) with the"
                    + " previous period and the trend: ledger, supplier (VMI SLA, price variance, statement disputes), consignment"
                    + " and planning KPIs (a supplier: its own consignment stock only, no planning KPIs)")
    @GetMapping("/api/v1/analytics/kpis")
    KpiReport kpis(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return board.kpis(new AnalyticsFilter(warehouse, supplier, category), period(from, to));
    }

    @Operation(
            operationId = "getAging",
            summary = "Stock value by age of its FIFO receipt layers (0–30, 31–90,"
                    + " 91–180, 181–365, >365 days) per owner, today")
    @GetMapping("/api/v1/analytics/aging")
    AgingReport aging(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String category) {
        return analytics.aging(new AnalyticsFilter(warehouse, supplier, category));
    }

    @Operation(
            operationId = "getAbc",
            summary = "ABC by consumption value × XYZ by weekly demand variability of a"
                    + " period: each item's class and the matrix")
    @GetMapping("/api/v1/analytics/abc")
    AbcReport abc(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0.80") BigDecimal a,
            @RequestParam(defaultValue = "0.15") BigDecimal b,
            @RequestParam(defaultValue = "0.5") BigDecimal x,
            @RequestParam(defaultValue = "1.0") BigDecimal y) {
        if (a.signum() <= 0 || b.signum() < 0 || a.add(b).compareTo(BigDecimal.ONE) > 0) {
            throw InvalidInputException.of("a", "a > 0, b ≥ 0 and a + b ≤ 1");
        }
        if (x.signum() < 0 || y.compareTo(x) < 0) {
            throw InvalidInputException.of("y", "0 ≤ x ≤ y");
        }
        return analytics.abc(
                new AnalyticsFilter(warehouse, supplier, category), period(from, to), new AbcXyz(a, b, x, y));
    }

    @Operation(
            operationId = "getStaleStock",
            summary = "Stock with no issue for N days (default the configured 180)"
                    + " before a day (default today), with its value, most valuable first")
    @GetMapping("/api/v1/analytics/stale")
    StaleReport stale(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) Integer days) {
        if (days != null && (days < 1 || days > 3650)) {
            throw InvalidInputException.of("days", CodedRefusal.between(1, 3650));
        }
        return analytics.stale(new AnalyticsFilter(warehouse, supplier, category), asOf, days);
    }

    @Operation(
            operationId = "getSupplierScorecard",
            summary = "A supplier's delivery performance in a period (default"
                    + " the last 30 days): OTIF per PO line, lead time mean and spread vs the source list, confirmation time,"
                    + " VMI SLA, price variance and statement disputes (a supplier: its own only, another's is 404)")
    @GetMapping("/api/v1/analytics/suppliers/{code}/scorecard")
    SupplierScorecard scorecard(
            @PathVariable String code,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return supply.complete(analytics.scorecard(code, warehouse, period(from, to)));
    }

    @Operation(
            operationId = "getForecastAccuracy",
            summary = "Forecast accuracy of the planning runs against the"
                    + " demand that came (plan vs actual): WAPE, bias and accuracy of the period, per month and per item"
                    + " (buyer side only)")
    @GetMapping("/api/v1/analytics/forecast-accuracy")
    PlanningKpiQueries.AccuracyReport forecastAccuracy(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return planning.accuracy(new AnalyticsFilter(warehouse, null, category), period(from, to));
    }

    @Operation(
            operationId = "getSuggestionAcceptance",
            summary = "Of the suggestions raised in a period: accepted"
                    + " ÷ decided and accepted ÷ raised (buyer side only)")
    @GetMapping("/api/v1/analytics/suggestion-acceptance")
    org.openvmi.analytics.model.PlanningKpis.Acceptance suggestionAcceptance(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return planning.acceptance(new AnalyticsFilter(warehouse, null, category), period(from, to));
    }

    @Operation(
            operationId = "getConsignmentDaysOnHand",
            summary =
                    "Consignment per supplier: stock value at the"
                            + " period's end, consumption value, days on hand, consumption per month (a supplier: its own only)")
    @GetMapping("/api/v1/analytics/consignment")
    SupplyKpiQueries.ConsignmentReport consignment(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return supply.consignment(new AnalyticsFilter(warehouse, supplier, category), period(from, to));
    }

    private org.openvmi.analytics.model.Period period(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidInputException.of("to", "must not be before from");
        }
        if (from != null && to != null && from.plusYears(3).isBefore(to)) {
            throw InvalidInputException.of("from", "a period is at most 3 years");
        }
        return analytics.period(from, to);
    }
}
