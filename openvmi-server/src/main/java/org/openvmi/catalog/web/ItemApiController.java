package org.openvmi.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.ItemQuery;
import org.openvmi.catalog.ItemView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Items", description = "SKU master data")
@RestController
@RequestMapping("/api/v1/items")
class ItemApiController {

    private final ItemCatalog items;
    private final Validator validator;

    ItemApiController(ItemCatalog items, Validator validator) {
        this.items = items;
        this.validator = validator;
    }

    @GetMapping
    PageResult<ItemView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return items.find(new ItemQuery(q, category), PageRequest.of(page, size));
    }

    @GetMapping("/{code}")
    ItemView get(@PathVariable String code) {
        return items.get(code);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createItem")
    @PostMapping
    ResponseEntity<ItemView> create(@Valid @RequestBody ItemCommand command) {
        ItemView created = items.create(command);
        return ResponseEntity.created(URI.create("/api/v1/items/" + created.code()))
                .body(created);
    }

    @PutMapping("/{code}")
    ItemView update(@PathVariable String code, @RequestBody ItemCommand command) {
        command.setCode(code);
        return items.update(code, RequestValidation.validated(validator, command));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        items.delete(code);
        return ResponseEntity.noContent().build();
    }
}
