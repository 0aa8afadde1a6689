package org.openvmi.consignment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.openvmi.consignment.CallOffRequest;
import org.openvmi.consignment.CallOffView;
import org.openvmi.consignment.CallOffs;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
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

@Tag(name = "Call-offs", description = "Call-off plans (要货计划) to VMI suppliers")
@RestController
@RequestMapping("/api/v1/vmi/calloffs")
class CallOffApiController {

    private final CallOffs callOffs;

    CallOffApiController(CallOffs callOffs) {
        this.callOffs = callOffs;
    }

    @GetMapping
    PageResult<CallOffView> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return callOffs.find(status, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    CallOffView get(@PathVariable long id) {
        return callOffs.get(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCalloff")
    @PostMapping
    ResponseEntity<CallOffView> create(@RequestBody CallOffRequest request) {
        CallOffView created = callOffs.create(request);
        return ResponseEntity.created(URI.create("/api/v1/vmi/calloffs/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/confirm")
    CallOffView confirm(@PathVariable long id, @RequestBody(required = false) CallOffRequest answer) {
        return callOffs.confirm(id, answer);
    }

    @PostMapping("/{id}/propose")
    CallOffView propose(@PathVariable long id, @RequestBody(required = false) CallOffRequest proposal) {
        return callOffs.propose(id, proposal);
    }

    @PostMapping("/{id}/accept")
    CallOffView accept(@PathVariable long id) {
        return callOffs.accept(id);
    }

    @PostMapping("/{id}/cancel")
    CallOffView cancel(@PathVariable long id) {
        return callOffs.cancel(id);
    }
}
