package org.openvmi.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.openvmi.security.ApiKeyView;
import org.openvmi.security.ApiKeys;
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

/**
 * API keys of machine clients. A key is revoked with {@code POST /api/v1/api-keys/{id}/revoke}, not deleted: the row
 * stays (who created it, when it was revoked) so the audit log keeps pointing at something.
 */
@Tag(
        name = "API keys",
        description = "Keys for machine clients, sent as X-API-Key (ADMIN only). A key is revoked "
                + "with POST /api/v1/api-keys/{id}/revoke; there is no DELETE, the row stays for the audit trail.")
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyApiController {

    private final ApiKeys keys;

    ApiKeyApiController(ApiKeys keys) {
        this.keys = keys;
    }

    record NewKey(String name, String username, java.util.Set<org.openvmi.security.ApiKeyScope> scopes) {}

    /** The created key; {@code secret} appears in this response only and is never shown again. */
    record CreatedKey(
            long id,
            String name,
            String prefix,
            String username,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            java.util.Set<org.openvmi.security.ApiKeyScope> scopes,
            String secret) {

        static CreatedKey of(ApiKeys.CreatedKey created) {
            ApiKeyView k = created.key();
            return new CreatedKey(
                    k.id(),
                    k.name(),
                    k.prefix(),
                    k.username(),
                    k.createdAt(),
                    k.createdBy(),
                    k.revokedAt(),
                    k.scopes(),
                    created.secret());
        }
    }

    @GetMapping
    PageResult<ApiKeyView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return keys.find(PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    ApiKeyView get(@PathVariable long id) {
        return keys.get(id);
    }

    @Operation(
            operationId = "createApiKey",
            summary = "Create a key for a user",
            description = "The key carries the user's roles and supplier "
                    + "scope, limited to `scopes` (STOCK_READ, SUPPLIER_STOCK_WRITE, "
                    + "SHIPMENTS) when given; a supplier's key without scopes gets "
                    + "STOCK_READ and SUPPLIER_STOCK_WRITE. The response's `secret` is shown once.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CreatedKey> create(@RequestBody NewKey body) {
        CreatedKey created = CreatedKey.of(keys.create(body.name(), body.username(), body.scopes()));
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Revoke a key", description = "From now on the key gets 401. Revoking twice is harmless.")
    @PostMapping("/{id}/revoke")
    ApiKeyView revoke(@PathVariable long id) {
        return keys.revoke(id);
    }
}
