package org.openvmi.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.openvmi.inventory.TransferCloseRequest;
import org.openvmi.inventory.TransferReceiptRequest;
import org.openvmi.inventory.TransferRequest;
import org.openvmi.inventory.TransferSummary;
import org.openvmi.inventory.TransferView;
import org.openvmi.inventory.Transfers;
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

@Tag(name = "Transfers", description = "Transfers between warehouses, in transit between")
@RestController
@RequestMapping("/api/v1/transfers")
class TransferApiController {

    private final Transfers transfers;

    TransferApiController(Transfers transfers) {
        this.transfers = transfers;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTransfer")
    @PostMapping
    ResponseEntity<TransferView> create(
            @RequestBody TransferRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        TransferView created = transfers.create(request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + created.id()))
                .body(created);
    }

    @Operation(
            summary =
                    "Ship: TRANSFER_OUT at the source, TRANSFER_IN at the destination warehouse's in-transit location")
    @PostMapping("/{id}/ship")
    TransferView ship(
            @PathVariable long id, @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return transfers.ship(id, idempotencyKey);
    }

    @Operation(summary = "Receive what arrived (partial receipts allowed): from in transit into the destination")
    @PostMapping("/{id}/receive")
    TransferView receive(
            @PathVariable long id,
            @RequestBody TransferReceiptRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return transfers.receive(id, request, idempotencyKey);
    }

    @Operation(
            summary =
                    "Close a transfer still in transit; the unreceived rest is written off (ADJUST, \"transfer difference\")")
    @PostMapping("/{id}/close")
    TransferView close(
            @PathVariable long id,
            @RequestBody(required = false) TransferCloseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return transfers.close(id, request, idempotencyKey);
    }

    @GetMapping("/{id}")
    TransferView get(@PathVariable long id) {
        return transfers.get(id);
    }

    @GetMapping
    PageResult<TransferSummary> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return transfers.find(status, warehouse, PageRequest.of(page, size));
    }
}
