package org.openvmi.procurement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openvmi.procurement.BulkOrdering;
import org.openvmi.procurement.BulkOutcome;
import org.openvmi.procurement.Decision;
import org.openvmi.procurement.RequisitionRequest;
import org.openvmi.procurement.RequisitionView;
import org.openvmi.procurement.Requisitions;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Requisitions", description = "Purchase requisitions and their approval")
@RestController
@RequestMapping("/api/v1/requisitions")
class RequisitionApiController {

    private final Requisitions requisitions;
    private final BulkOrdering ordering;

    RequisitionApiController(Requisitions requisitions, BulkOrdering ordering) {
        this.requisitions = requisitions;
        this.ordering = ordering;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createRequisition")
    @PostMapping
    ResponseEntity<RequisitionView> create(@RequestBody(required = false) RequisitionRequest request) {
        RequisitionView created = requisitions.create(request);
        return ResponseEntity.created(URI.create("/api/v1/requisitions/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    RequisitionView update(
            @PathVariable long id,
            @RequestBody(required = false) RequisitionRequest request,
            @RequestParam(required = false) Integer version) {
        return requisitions.update(id, request, version);
    }

    @GetMapping("/{id}")
    RequisitionView get(@PathVariable long id) {
        return requisitions.get(id);
    }

    @GetMapping
    PageResult<RequisitionView> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean urgent,
            @RequestParam(required = false, defaultValue = "false") boolean mine,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return requisitions.find(status, urgent, mine, PageRequest.of(page, size));
    }

    /** The caller's approval inbox. */
    @Operation(operationId = "getRequisitionInbox")
    @GetMapping("/inbox")
    PageResult<RequisitionView> inbox(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return requisitions.inbox(PageRequest.of(page, size));
    }

    /** Bulk body: the requisition ids, for approvals an optional comment. */
    record BulkRequest(List<Long> ids, String comment) {}

    @Operation(
            operationId = "bulkSubmitRequisitions",
            summary = "Submit many: {ids:[…]}; each on its own, one result per requisition")
    @PostMapping("/bulk-submit")
    BulkOutcome bulkSubmit(
            @RequestBody(required = false) BulkRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ordering.submitAll(idempotencyKey, request == null ? null : request.ids());
    }

    @Operation(
            operationId = "bulkApproveRequisitions",
            summary =
                    "Approve the caller's pending step of many: {ids:[…], comment}; refusals per requisition, the rest approved")
    @PostMapping("/bulk-approve")
    BulkOutcome bulkApprove(
            @RequestBody(required = false) BulkRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ordering.approveAll(
                idempotencyKey, request == null ? null : request.ids(), request == null ? null : request.comment());
    }

    @PostMapping("/{id}/submit")
    RequisitionView submit(@PathVariable long id) {
        return requisitions.submit(id);
    }

    @PostMapping("/{id}/approve")
    RequisitionView approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return requisitions.approve(id, decision == null ? null : decision.comment());
    }

    @PostMapping("/{id}/reject")
    RequisitionView reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return requisitions.reject(
                id, decision == null ? null : decision.reason() != null ? decision.reason() : decision.comment());
    }

    @PostMapping("/{id}/delegate")
    RequisitionView delegate(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return requisitions.delegate(id, decision == null ? null : decision.to());
    }
}
