package org.openvmi.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.MovementFilter;
import org.openvmi.inventory.MovementView;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.inventory.PostingResult;
import org.openvmi.inventory.ReconcileReport;
import org.openvmi.inventory.StockFilter;
import org.openvmi.inventory.StockQueries;
import org.openvmi.inventory.StockView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger", description = "Stock movements, balances and reconciliation")
@RestController
class LedgerApiController {

    private final InventoryLedger ledger;
    private final StockQueries queries;

    LedgerApiController(InventoryLedger ledger, StockQueries queries) {
        this.ledger = ledger;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/movements")
    ResponseEntity<PostingResult> post(
            @RequestBody PostingRequest request,
            @Parameter(description = "retries with the same key and body post once")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey) {
        PostingResult result = ledger.post(request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/movements?posting=" + result.postingId()))
                .body(result);
    }

    @Operation(operationId = "listMovements")
    @GetMapping("/api/v1/movements")
    PageResult<MovementView> movements(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) Long posting,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return queries.movements(
                new MovementFilter(item, warehouse, location, owner, type, reference, posting, from, to),
                PageRequest.of(page, size));
    }

    @Operation(operationId = "listStock")
    @GetMapping("/api/v1/stock")
    PageResult<StockView> stock(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false, defaultValue = "false") boolean includeZero,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return queries.stock(
                new StockFilter(item, warehouse, location, owner, includeZero), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/stock/reconcile")
    ReconcileReport reconcile() {
        return queries.reconcile();
    }
}
