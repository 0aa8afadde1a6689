package org.openvmi.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openvmi.analytics.EffectReport;
import org.openvmi.analytics.EffectReportRequest;
import org.openvmi.analytics.EffectReports;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Analytics",
        description = "KPIs of the ledger (docs/kpis.md): value, turnover, stockout, aging, ABC × XYZ, stale stock")
@RestController
class EffectReportApiController {

    private final EffectReports reports;

    EffectReportApiController(EffectReports reports) {
        this.reports = reports;
    }

    @Operation(
            operationId = "runEffectReport",
            summary = "Replays a past period's weekly demand through the baseline"
                    + " (MANUAL lines or N weeks of cover) and the engine's dynamic policy at a fill-rate target: turnover days,"
                    + " average inventory value, stockout rate, fill rate and orders, in total and per item (ADR 0040)")
    @PostMapping("/api/v1/analytics/effect-report")
    EffectReport report(@RequestBody EffectReportRequest request) {
        return reports.report(request);
    }

    @Operation(
            operationId = "applyEffectReport",
            summary = "Writes the engine's end-of-period lines of the same"
                    + " report to the items' stock lines (DYNAMIC, at the target), each change audited")
    @PostMapping("/api/v1/analytics/effect-report/apply")
    List<StockPolicyView> apply(@RequestBody EffectReportRequest request) {
        return reports.apply(request);
    }
}
