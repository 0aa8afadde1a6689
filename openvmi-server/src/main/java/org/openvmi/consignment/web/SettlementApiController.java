package org.openvmi.consignment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.openvmi.consignment.BulkStatementRequest;
import org.openvmi.consignment.BulkStatementResult;
import org.openvmi.consignment.Settlements;
import org.openvmi.consignment.StatementAnswer;
import org.openvmi.consignment.StatementCandidate;
import org.openvmi.consignment.StatementRequest;
import org.openvmi.consignment.StatementView;
import org.openvmi.consignment.StatementWorkbook;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.web.Download;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

@Tag(name = "Settlements", description = "Consignment settlement statements per supplier and period")
@RestController
@RequestMapping("/api/v1/settlements")
class SettlementApiController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Settlements settlements;
    private final Clock clock;

    SettlementApiController(Settlements settlements, Clock clock) {
        this.settlements = settlements;
        this.clock = clock;
    }

    @Operation(
            operationId = "generateSettlement",
            summary = "Make the DRAFT statement of a supplier for a period from its open settlement lines",
            description = "A second statement of the same supplier and period is 409; an empty one (0.00) is 422")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<StatementView> generate(@RequestBody StatementRequest request) {
        StatementView created = settlements.generate(request);
        return ResponseEntity.created(URI.create("/api/v1/settlements/" + created.id()))
                .body(created);
    }

    @Operation(
            operationId = "getStatementCandidates",
            summary = "The suppliers with settlement lines not yet on a statement up to the end of a month (YYYY-MM)",
            description = "With what each one's statement of the month would hold; refusal says why one cannot be made")
    @GetMapping("/candidates")
    List<StatementCandidate> candidates(@RequestParam(required = false) String period) {
        return settlements.candidates(period);
    }

    @Operation(
            operationId = "issueStatementsInBulk",
            summary =
                    "Make and issue the month's statements of every supplier with open lines (or of the suppliers named)",
            description =
                    "One outcome per supplier: ISSUED, SKIPPED (nothing to settle) or REFUSED (a statement of the "
                            + "month exists, 0.00, several currencies; nothing changed for it). Once per Idempotency-Key.")
    @PostMapping("/bulk")
    BulkStatementResult bulk(
            @RequestBody BulkStatementRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return settlements.issueAll(request, idempotencyKey);
    }

    @GetMapping
    PageResult<StatementView> find(
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return settlements.find(supplier, status, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    StatementView get(@PathVariable long id) {
        return settlements.get(id);
    }

    @Operation(summary = "Issue: the lines are frozen and the supplier may confirm or dispute")
    @PostMapping("/{id}/issue")
    StatementView issue(@PathVariable long id) {
        return settlements.issue(id);
    }

    @PostMapping("/{id}/confirm")
    StatementView confirm(@PathVariable long id, @RequestBody(required = false) StatementAnswer answer) {
        return settlements.confirm(id, answer);
    }

    @PostMapping("/{id}/dispute")
    StatementView dispute(@PathVariable long id, @RequestBody(required = false) StatementAnswer answer) {
        return settlements.dispute(id, answer);
    }

    @PostMapping("/{id}/close")
    StatementView close(@PathVariable long id) {
        return settlements.close(id);
    }

    @Download({TabularFormat.XLSX})
    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format) {
        if (!"xlsx".equalsIgnoreCase(format)) {
            throw InvalidInputException.of("format", "only xlsx");
        }
        StatementView s = settlements.get(id);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("statement-" + s.id() + "-" + s.supplier() + ".xlsx")
                                .build()
                                .toString())
                .body(StatementWorkbook.write(s, clock.getZone()));
    }
}
