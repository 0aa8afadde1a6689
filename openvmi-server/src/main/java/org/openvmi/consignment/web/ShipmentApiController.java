package org.openvmi.consignment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.openvmi.consignment.ReceiptRequest;
import org.openvmi.consignment.ShipmentRequest;
import org.openvmi.consignment.ShipmentView;
import org.openvmi.consignment.Shipments;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Shipments", description = "Shipment notices (ASN) of VMI suppliers, in transit until received")
@RestController
@RequestMapping("/api/v1/shipments")
class ShipmentApiController {

    private final Shipments shipments;

    ShipmentApiController(Shipments shipments) {
        this.shipments = shipments;
    }

    @GetMapping
    PageResult<ShipmentView> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return shipments.find(status, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    ShipmentView get(@PathVariable long id) {
        return shipments.get(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createShipment")
    @PostMapping
    ResponseEntity<ShipmentView> create(@RequestBody ShipmentRequest request) {
        ShipmentView created = shipments.create(request);
        return ResponseEntity.created(URI.create("/api/v1/shipments/" + created.id()))
                .body(created);
    }

    @Operation(
            summary = "Receive (partial allowed) into the VMI location, owner = the supplier (ON_RECEIPT: the buyer)")
    @PostMapping("/{id}/receive")
    ShipmentView receive(
            @PathVariable long id,
            @RequestBody ReceiptRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return shipments.receive(id, request, idempotencyKey);
    }
}
