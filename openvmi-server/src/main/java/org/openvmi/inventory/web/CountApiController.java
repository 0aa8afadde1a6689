package org.openvmi.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.openvmi.inventory.CountEntryRequest;
import org.openvmi.inventory.CountRequest;
import org.openvmi.inventory.CountSummary;
import org.openvmi.inventory.CountView;
import org.openvmi.inventory.StockCounts;
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

@Tag(name = "Counts", description = "Cycle counts: count sheets, counted quantities, variance postings")
@RestController
@RequestMapping("/api/v1/counts")
class CountApiController {

    private final StockCounts counts;

    CountApiController(StockCounts counts) {
        this.counts = counts;
    }

    @Operation(
            operationId = "createCount",
            summary =
                    "Create a count sheet (snapshot of book quantities); with post=true and lines: count and post at once")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CountView> create(
            @RequestBody CountRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CountView created = counts.create(request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/counts/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Enter counted quantities; keys not on the sheet are added as found stock")
    @PutMapping("/{id}/lines")
    CountView enter(@PathVariable long id, @RequestBody CountEntryRequest request) {
        return counts.enter(id, request);
    }

    @Operation(
            summary =
                    "Post the variances (counted − book at posting) as COUNT movements; answers with the variance report")
    @PostMapping("/{id}/post")
    CountView post(
            @PathVariable long id, @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return counts.post(id, idempotencyKey);
    }

    @GetMapping("/{id}")
    CountView get(@PathVariable long id) {
        return counts.get(id);
    }

    @GetMapping
    PageResult<CountSummary> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return counts.find(status, warehouse, PageRequest.of(page, size));
    }
}
