package org.openvmi.procurement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.openvmi.procurement.BulkOrdering;
import org.openvmi.procurement.BulkOutcome;
import org.openvmi.procurement.ConfirmationRequest;
import org.openvmi.procurement.Decision;
import org.openvmi.procurement.PurchaseOrderRequest;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.ToleranceRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Purchase orders", description = "POs from approved requisitions, supplier confirmation, changes")
@RestController
class PurchaseOrderApiController {

    private final PurchaseOrders orders;
    private final BulkOrdering ordering;

    PurchaseOrderApiController(PurchaseOrders orders, BulkOrdering ordering) {
        this.orders = orders;
        this.ordering = ordering;
    }

    /** Bulk body: the APPROVED requisitions to order. */
    record FromRequisitions(List<Long> ids) {}

    @Operation(
            operationId = "createPurchaseOrdersFromRequisitions",
            summary =
                    "POs from many APPROVED requisitions, one per supplier × warehouse across them; refusals per requisition")
    @PostMapping("/api/v1/purchase-orders/from-requisitions")
    BulkOutcome fromRequisitions(
            @RequestBody(required = false) FromRequisitions request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ordering.order(idempotencyKey, request == null ? null : request.ids());
    }

    /** Answers {@code {"purchaseOrders":[…]}}: one PO per supplier. */
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPurchaseOrders")
    @PostMapping("/api/v1/purchase-orders")
    ResponseEntity<Map<String, List<PurchaseOrderView>>> create(
            @RequestBody(required = false) PurchaseOrderRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("purchaseOrders", orders.create(request)));
    }

    @GetMapping("/api/v1/purchase-orders")
    PageResult<PurchaseOrderView> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) Long requisition,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return orders.find(status, supplier, requisition, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/purchase-orders/{id}")
    PurchaseOrderView get(@PathVariable long id) {
        return orders.get(id);
    }

    @Operation(operationId = "getPurchaseOrderTimeline")
    @GetMapping("/api/v1/purchase-orders/{id}/timeline")
    List<PurchaseOrderView.Event> timeline(@PathVariable long id) {
        return orders.timeline(id);
    }

    @PostMapping("/api/v1/purchase-orders/{id}/confirm")
    PurchaseOrderView confirm(@PathVariable long id, @RequestBody(required = false) ConfirmationRequest request) {
        return orders.confirm(id, request);
    }

    @PostMapping("/api/v1/purchase-orders/{id}/accept-change")
    PurchaseOrderView acceptChange(@PathVariable long id) {
        return orders.acceptChange(id);
    }

    @PostMapping("/api/v1/purchase-orders/{id}/reject-change")
    PurchaseOrderView rejectChange(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return orders.rejectChange(
                id, decision == null ? null : decision.reason() != null ? decision.reason() : decision.comment());
    }

    @PostMapping("/api/v1/purchase-orders/{id}/close")
    PurchaseOrderView close(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return orders.close(id, decision == null ? null : decision.reason());
    }

    /** Cancels one open line (by its line number): its unreceived rest leaves on-order. Body: optional reason. */
    @Operation(operationId = "cancelPurchaseOrderLine")
    @PostMapping("/api/v1/purchase-orders/{id}/lines/{line}/cancel")
    PurchaseOrderView cancelLine(
            @PathVariable long id, @PathVariable int line, @RequestBody(required = false) Decision decision) {
        return orders.cancelLine(id, line, decision == null ? null : decision.reason());
    }

    @Operation(operationId = "putTolerance")
    @PutMapping("/api/v1/procurement/tolerances/{supplier}")
    ToleranceRequest tolerance(@PathVariable String supplier, @RequestBody(required = false) ToleranceRequest request) {
        return orders.setTolerance(supplier, request);
    }
}
