package org.openvmi.procurement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openvmi.procurement.ReceiptView;
import org.openvmi.procurement.ShipmentNoticeReceiptRequest;
import org.openvmi.procurement.ShipmentNoticeRequest;
import org.openvmi.procurement.ShipmentNoticeView;
import org.openvmi.procurement.ShipmentNotices;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Shipment notices", description = "A supplier's ASN for its purchase order, received in one step")
@RestController
class ShipmentNoticeApiController {

    private final ShipmentNotices notices;

    ShipmentNoticeApiController(ShipmentNotices notices) {
        this.notices = notices;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createShipmentNotice")
    @PostMapping("/api/v1/purchase-orders/{id}/shipment-notices")
    ResponseEntity<ShipmentNoticeView> create(
            @PathVariable long id, @RequestBody(required = false) ShipmentNoticeRequest request) {
        ShipmentNoticeView created = notices.create(id, request);
        return ResponseEntity.created(URI.create("/api/v1/shipment-notices/" + created.id()))
                .body(created);
    }

    @Operation(operationId = "listPurchaseOrderShipmentNotices")
    @GetMapping("/api/v1/purchase-orders/{id}/shipment-notices")
    List<ShipmentNoticeView> ofOrder(@PathVariable long id) {
        return notices.ofOrder(id);
    }

    @GetMapping("/api/v1/shipment-notices/{id}")
    ShipmentNoticeView get(@PathVariable long id) {
        return notices.get(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/shipment-notices/{id}/receive")
    ResponseEntity<ReceiptView> receive(
            @PathVariable long id,
            @RequestBody(required = false) ShipmentNoticeReceiptRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ReceiptView receipt = notices.receive(id, idempotencyKey, request);
        return ResponseEntity.created(URI.create("/api/v1/receipts/" + receipt.id()))
                .body(receipt);
    }
}
