package org.openvmi.consignment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.openvmi.consignment.AgreementRequest;
import org.openvmi.consignment.AgreementView;
import org.openvmi.consignment.Agreements;
import org.openvmi.consignment.ConsumptionRequest;
import org.openvmi.consignment.ConsumptionView;
import org.openvmi.consignment.Consumptions;
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

@Tag(name = "VMI", description = "VMI agreements and consumption of consignment stock")
@RestController
@RequestMapping("/api/v1/vmi")
class AgreementApiController {

    private final Agreements agreements;
    private final Consumptions consumptions;

    AgreementApiController(Agreements agreements, Consumptions consumptions) {
        this.agreements = agreements;
        this.consumptions = consumptions;
    }

    @GetMapping("/agreements")
    PageResult<AgreementView> find(
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return agreements.find(supplier, PageRequest.of(page, size));
    }

    @GetMapping("/agreements/{id}")
    AgreementView get(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return agreements.get(id, version);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createAgreement")
    @PostMapping("/agreements")
    ResponseEntity<AgreementView> create(@RequestBody AgreementRequest request) {
        AgreementView created = agreements.create(request);
        return ResponseEntity.created(URI.create("/api/v1/vmi/agreements/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Change an agreement: writes a new version, effective now")
    @PutMapping("/agreements/{id}")
    AgreementView change(@PathVariable long id, @RequestBody AgreementRequest request) {
        return agreements.change(id, request);
    }

    @Operation(
            operationId = "postConsumption",
            summary =
                    "Consume stock at a VMI location: FIFO; consigned stock passes to the buyer with a settlement line")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/consumptions")
    ResponseEntity<ConsumptionView> consume(
            @RequestBody ConsumptionRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ConsumptionView done = consumptions.consume(request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/vmi/consumptions/" + done.id()))
                .body(done);
    }
}
