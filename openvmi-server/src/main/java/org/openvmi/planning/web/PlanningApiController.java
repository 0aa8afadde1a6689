package org.openvmi.planning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openvmi.planning.ForecastView;
import org.openvmi.planning.Forecasts;
import org.openvmi.planning.LeadTimeFactRequest;
import org.openvmi.planning.LeadTimeView;
import org.openvmi.planning.LeadTimes;
import org.openvmi.planning.PlanningRuns;
import org.openvmi.planning.RunRequest;
import org.openvmi.planning.RunView;
import org.openvmi.planning.SuggestionFilter;
import org.openvmi.planning.SuggestionOrderRequest;
import org.openvmi.planning.SuggestionOrdering;
import org.openvmi.planning.SuggestionView;
import org.openvmi.planning.Suggestions;
import org.openvmi.procurement.BulkOutcome;
import org.openvmi.procurement.PurchasePlan;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Planning", description = "Planning runs, forecasts, replenishment suggestions, lead times")
@RestController
class PlanningApiController {

    /** Bulk decision: ids, and for rejections a reason. */
    record Decision(List<Long> ids, String reason) {}

    /** A single rejection's reason. */
    record RejectRequest(String reason) {}

    private final PlanningRuns runs;
    private final Suggestions suggestions;
    private final Forecasts forecasts;
    private final LeadTimes leadTimes;
    private final SuggestionOrdering ordering;

    PlanningApiController(
            PlanningRuns runs,
            Suggestions suggestions,
            Forecasts forecasts,
            LeadTimes leadTimes,
            SuggestionOrdering ordering) {
        this.ordering = ordering;
        this.runs = runs;
        this.suggestions = suggestions;
        this.forecasts = forecasts;
        this.leadTimes = leadTimes;
    }

    @Operation(
            operationId = "startPlanningRun",
            summary = "Start a planning run (asynchronous): 202 with the run; poll GET /planning/runs/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/v1/planning/runs")
    ResponseEntity<RunView> start(@RequestBody(required = false) RunRequest request) {
        RunView run = runs.start(request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/planning/runs/" + run.id()))
                .body(run);
    }

    @Operation(operationId = "getPlanningRun")
    @GetMapping("/api/v1/planning/runs/{id}")
    RunView run(@PathVariable long id) {
        return runs.get(id);
    }

    @Operation(operationId = "listPlanningRuns")
    @GetMapping("/api/v1/planning/runs")
    PageResult<RunView> runs(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return runs.list(PageRequest.of(page, size));
    }

    @Operation(
            operationId = "listForecasts",
            summary = "Latest forecast per item and warehouse (location = warehouse code)")
    @GetMapping("/api/v1/forecasts")
    PageResult<ForecastView> forecasts(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return forecasts.find(item, location, PageRequest.of(page, size));
    }

    @Operation(operationId = "listSuggestions")
    @GetMapping("/api/v1/suggestions")
    PageResult<SuggestionView> suggestions(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Long run,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String urgency,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return suggestions.find(
                new SuggestionFilter(type, status, warehouse, item, run, supplier, urgency),
                PageRequest.of(page, size));
    }

    @Operation(operationId = "getSuggestion")
    @GetMapping("/api/v1/suggestions/{id}")
    SuggestionView suggestion(@PathVariable long id) {
        return suggestions.get(id);
    }

    @Operation(
            summary =
                    "Accept: a TRANSFER creates a transfer document; PURCHASE / VMI_REPLENISHMENT are recorded as ACCEPTED")
    @PostMapping("/api/v1/suggestions/{id}/accept")
    SuggestionView accept(@PathVariable long id) {
        return suggestions.accept(id);
    }

    @PostMapping("/api/v1/suggestions/{id}/reject")
    SuggestionView reject(@PathVariable long id, @RequestBody(required = false) RejectRequest request) {
        return suggestions.reject(id, request == null ? null : request.reason());
    }

    @Operation(summary = "Accept many: {ids:[…]}; each decided on its own, the answer lists every outcome")
    @PostMapping("/api/v1/suggestions/accept")
    List<Suggestions.Outcome> acceptAll(@RequestBody(required = false) Decision decision) {
        return suggestions.acceptAll(decision == null ? null : decision.ids());
    }

    @Operation(
            operationId = "previewRequisitionsFromSuggestions",
            summary =
                    "What 'suggestions → requisitions' would create: groups by supplier × warehouse, changed suppliers or prices with the reason, refusals")
    @PostMapping("/api/v1/suggestions/requisitions/preview")
    PurchasePlan previewRequisitions(@RequestBody(required = false) SuggestionOrderRequest request) {
        return ordering.preview(request);
    }

    @Operation(
            operationId = "createRequisitionsFromSuggestions",
            summary =
                    "Open purchase suggestions ({ids:[…]} or {filter:{…}}) into ONE submitted requisition per supplier × warehouse (ordered at once where the approval rule lets the requester approve); one result per requisition")
    @PostMapping("/api/v1/suggestions/requisitions")
    BulkOutcome createRequisitions(
            @RequestBody(required = false) SuggestionOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ordering.create(idempotencyKey, request);
    }

    @Operation(summary = "Reject many: {ids:[…], reason}")
    @PostMapping("/api/v1/suggestions/reject")
    List<Suggestions.Outcome> rejectAll(@RequestBody(required = false) Decision decision) {
        return suggestions.rejectAll(
                decision == null ? null : decision.ids(), decision == null ? null : decision.reason());
    }

    @Operation(summary = "Record an observed supplier lead time (order date → receipt date)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/planning/lead-times")
    ResponseEntity<LeadTimeView> recordLeadTime(@RequestBody(required = false) LeadTimeFactRequest request) {
        return ResponseEntity.status(201).body(leadTimes.record(request));
    }

    @Operation(
            operationId = "getLeadTime",
            summary = "The lead time planning uses for a supplier and item: observed receipts, else the source list")
    @GetMapping("/api/v1/planning/lead-times")
    LeadTimeView leadTime(@RequestParam String supplier, @RequestParam String item) {
        return leadTimes.get(supplier, item);
    }
}
