package org.openvmi.transferplan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openvmi.transferplan.TransferLaneRequest;
import org.openvmi.transferplan.TransferLaneView;
import org.openvmi.transferplan.TransferLanes;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Transfer lanes", description = "调拨线路: cost per unit and transit days between two warehouses")
@RestController
@RequestMapping("/api/v1/transfer-lanes")
class TransferLaneApiController {

    private final TransferLanes lanes;

    TransferLaneApiController(TransferLanes lanes) {
        this.lanes = lanes;
    }

    @Operation(operationId = "listTransferLanes")
    @GetMapping
    List<TransferLaneView> list() {
        return lanes.list();
    }

    @Operation(operationId = "getTransferLane")
    @GetMapping("/{id}")
    TransferLaneView get(@PathVariable long id) {
        return lanes.get(id);
    }

    @Operation(
            operationId = "createTransferLane",
            summary = "{\"from\",\"to\",\"costPerUnit\",\"transitDays\"}; the same route twice: 409")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<TransferLaneView> create(@RequestBody(required = false) TransferLaneRequest request) {
        TransferLaneView lane = lanes.create(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(lane.id())
                        .toUri())
                .body(lane);
    }

    @Operation(operationId = "updateTransferLane", summary = "New cost and transit days; a stale version: 409")
    @PutMapping("/{id}")
    TransferLaneView update(@PathVariable long id, @RequestBody(required = false) TransferLaneRequest request) {
        return lanes.update(id, request);
    }

    @Operation(operationId = "deleteTransferLane")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        lanes.delete(id);
        return ResponseEntity.noContent().build();
    }
}
