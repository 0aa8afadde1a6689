package org.openvmi.stockpolicy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.stockpolicy.AlertLevelChange;
import org.openvmi.stockpolicy.AlertOrder;
import org.openvmi.stockpolicy.AlertStatus;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.AlertView;
import org.openvmi.stockpolicy.Alerts;
import org.openvmi.stockpolicy.BulkAcknowledgement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Alerts",
        description = "Stock lines crossed (stockout, below safety, below warning, above max) and supplier low water")
@RestController
@RequestMapping("/api/v1/alerts")
class AlertApiController {

    private final Alerts alerts;

    AlertApiController(Alerts alerts) {
        this.alerts = alerts;
    }

    /** What an acknowledgement or a manual resolution says. */
    record CommentRequest(String comment) {}

    @Operation(
            summary = "Alerts, newest first",
            description =
                    "status may repeat (status=OPEN&status=ACKNOWLEDGED). "
                            + "scope=mine (the default, as the bell and the alert centre) keeps to the caller's warehouses and alert "
                            + "types (its notification preferences; none set = all); scope=all lists every alert the caller may see.")
    @GetMapping
    PageResult<AlertView> list(
            @RequestParam(required = false) List<AlertStatus> status,
            @RequestParam(required = false) AlertType type,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        boolean mine = !"ALL".equals(AllowedValues.code("scope", scope, List.of("MINE", "ALL")));
        return alerts.find(
                type, status, warehouse, supplier, item, mine, AlertOrder.NEWEST, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    AlertView get(@PathVariable long id) {
        return alerts.get(id);
    }

    @Operation(
            operationId = "getAlertHistory",
            summary = "The raise and every change of level of an alert, oldest first")
    @GetMapping("/{id}/history")
    List<AlertLevelChange> history(@PathVariable long id) {
        return alerts.history(id);
    }

    /** Several alerts to acknowledge with one comment. */
    record BulkAckRequest(List<Long> ids, String comment) {}

    @Operation(
            summary = "Acknowledge several OPEN alerts with one comment",
            description =
                    "All ids must be visible to the caller (else 404, nothing acknowledged); those no longer OPEN are returned under skipped")
    @PostMapping("/ack")
    BulkAcknowledgement acknowledgeAll(@RequestBody BulkAckRequest body) {
        return alerts.acknowledgeAll(body.ids(), body.comment());
    }

    @PostMapping("/{id}/ack")
    AlertView acknowledge(@PathVariable long id, @RequestBody(required = false) CommentRequest body) {
        return alerts.acknowledge(id, body == null ? null : body.comment());
    }

    @PostMapping("/{id}/resolve")
    AlertView resolve(@PathVariable long id, @RequestBody(required = false) CommentRequest body) {
        return alerts.resolve(id, body == null ? null : body.comment());
    }

    @Operation(
            operationId = "countUnseenAlerts",
            summary = "Open alerts the caller has not seen yet (the bell's number)")
    @GetMapping("/unseen")
    Map<String, Long> unseen() {
        return Map.of("unseen", alerts.unseen());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "markAlertsSeen")
    @PostMapping("/seen")
    ResponseEntity<Void> seen() {
        alerts.markSeen();
        return ResponseEntity.noContent().build();
    }
}
