package org.openvmi.transferplan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openvmi.transferplan.TransferPlanRequest;
import org.openvmi.transferplan.TransferPlanView;
import org.openvmi.transferplan.TransferPlans;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(
        name = "Transfer plans",
        description = "调拨计划: one plan over all warehouses, solved as a min-cost flow against buying new")
@RestController
@RequestMapping("/api/v1/transfer-plans")
class TransferPlanApiController {

    private final TransferPlans plans;

    TransferPlanApiController(TransferPlans plans) {
        this.plans = plans;
    }

    @Operation(
            operationId = "createTransferPlan",
            summary = "Plan transfers over all (or the given) warehouses and items",
            description =
                    "{\"warehouses\":[codes, at least two]?, \"items\":[codes]?, \"coverDays\":60?} → the plan "
                            + "with its moves (reason, transfer cost, purchase cost), needs left to buying, cover per warehouse")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<TransferPlanView> create(@RequestBody(required = false) TransferPlanRequest request) {
        TransferPlanView plan = plans.create(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(plan.id())
                        .toUri())
                .body(plan);
    }

    @Operation(operationId = "getTransferPlan")
    @GetMapping("/{id}")
    TransferPlanView get(@PathVariable long id) {
        return plans.get(id);
    }

    @Operation(
            operationId = "acceptTransferPlan",
            summary = "Create the plan's transfer orders (DRAFT), once",
            description = "Accepting an accepted plan answers with it and creates nothing")
    @PostMapping("/{id}/accept")
    TransferPlanView accept(@PathVariable long id) {
        return plans.accept(id);
    }
}
