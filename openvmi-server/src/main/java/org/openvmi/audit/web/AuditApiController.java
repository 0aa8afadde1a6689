package org.openvmi.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.openvmi.audit.AuditTrail;
import org.openvmi.audit.AuditTrail.AuditEntry;
import org.openvmi.audit.AuditTrail.AuditQuery;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag(name = "Audit log", description = "Who did what, when, with before and after values (ADMIN only)")
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    AuditApiController(AuditTrail audit, JsonMapper json, Clock clock) {
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** One entry; before and after are the JSON values that were recorded (null when there was none). */
    record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String entity,
            String entityKey,
            JsonNode before,
            JsonNode after) {}

    @Operation(
            summary = "Search the audit log, newest first",
            description =
                    "All filters are exact and optional. "
                            + "from/to: a date (whole days in the server's time zone, to inclusive) or an ISO date-time (to exclusive).")
    @GetMapping
    PageResult<Entry> find(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String entityKey,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        AuditQuery query = new AuditQuery(
                actor,
                action,
                entity,
                entityKey,
                AuditPeriod.from(from, clock.getZone()),
                AuditPeriod.to(to, clock.getZone()));
        return audit.find(query, PageRequest.of(page, size)).map(this::entry);
    }

    private Entry entry(AuditEntry e) {
        return new Entry(
                e.id(), e.at(), e.actor(), e.action(), e.entity(), e.entityKey(), tree(e.before()), tree(e.after()));
    }

    private JsonNode tree(String value) {
        return value == null ? null : json.readTree(value);
    }
}
