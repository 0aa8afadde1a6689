package org.openvmi.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openvmi.notification.ReportSubscriptionRequest;
import org.openvmi.notification.ReportSubscriptionView;
import org.openvmi.notification.ReportSubscriptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own scheduled report mails (weekly KPI summary, stale-stock list): buyer-side users only. */
@Tag(name = "Report subscriptions", description = "The caller's own report mail subscriptions (buyer side)")
@RestController
@RequestMapping("/api/v1/report-subscriptions")
class ReportSubscriptionApiController {

    private final ReportSubscriptions subscriptions;

    ReportSubscriptionApiController(ReportSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Operation(operationId = "listReportSubscriptions", summary = "The caller's report mail subscriptions")
    @GetMapping
    List<ReportSubscriptionView> list() {
        return subscriptions.list();
    }

    @Operation(operationId = "getReportSubscription", summary = "One of the caller's subscriptions, by report")
    @GetMapping("/{report}")
    ReportSubscriptionView get(@PathVariable String report) {
        return subscriptions.get(report);
    }

    @Operation(
            operationId = "createReportSubscription",
            summary = "Subscribe the caller to a report mail",
            description = "{\"report\":\"WEEKLY_KPIS|STALE_STOCK\",\"warehouse\":code or null for every warehouse};"
                    + " 409 when subscribed already")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ReportSubscriptionView> create(@RequestBody(required = false) ReportSubscriptionRequest request) {
        ReportSubscriptionView created = subscriptions.create(request);
        return ResponseEntity.created(URI.create("/api/v1/report-subscriptions/" + created.report()))
                .body(created);
    }

    @Operation(
            operationId = "updateReportSubscription",
            summary = "Change the warehouse a subscription covers",
            description = "{\"warehouse\":code or null for every warehouse}")
    @PutMapping("/{report}")
    ReportSubscriptionView update(
            @PathVariable String report, @RequestBody(required = false) ReportSubscriptionRequest request) {
        return subscriptions.update(report, request);
    }

    @Operation(operationId = "deleteReportSubscription", summary = "Unsubscribe the caller from a report mail")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{report}")
    ResponseEntity<Void> delete(@PathVariable String report) {
        subscriptions.delete(report);
        return ResponseEntity.noContent().build();
    }
}
