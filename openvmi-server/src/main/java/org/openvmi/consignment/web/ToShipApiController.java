package org.openvmi.consignment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openvmi.consignment.ShipmentView;
import org.openvmi.consignment.SlaSummary;
import org.openvmi.consignment.SuggestedShipmentRequest;
import org.openvmi.consignment.ToShipBoard;
import org.openvmi.consignment.ToShipLine;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "VMI", description = "VMI agreements and consumption of consignment stock")
@RestController
class ToShipApiController {

    private final ToShipBoard board;

    ToShipApiController(ToShipBoard board) {
        this.board = board;
    }

    @Operation(
            operationId = "listToShip",
            summary = "The to-ship board: per agreement line the stock position, suggested quantity and due time")
    @GetMapping("/api/v1/vmi/to-ship")
    List<ToShipLine> toShip(
            @RequestParam(required = false) String supplier, @RequestParam(defaultValue = "true") boolean onlyToShip) {
        return board.lines(supplier, onlyToShip);
    }

    @Operation(
            operationId = "getSlaSummary",
            summary = "SLA per supplier: below-min episodes replenished on time or late, stockouts")
    @GetMapping("/api/v1/vmi/sla")
    List<SlaSummary> sla() {
        return board.sla();
    }

    @Operation(operationId = "shipSuggested", summary = "Create an ASN of the suggested quantity of one agreement line")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/shipments/suggested")
    ResponseEntity<ShipmentView> ship(@RequestBody SuggestedShipmentRequest request) {
        if (request == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        ShipmentView created =
                board.ship(request.item(), request.location(), request.supplier(), request.lot(), request.expectedAt());
        return ResponseEntity.created(URI.create("/api/v1/shipments/" + created.id()))
                .body(created);
    }
}
