package org.openvmi.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.SupplierItemView;
import org.openvmi.catalog.SupplierView;
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

@Tag(
        name = "Suppliers",
        description = "Suppliers and their source lists (price, MOQ, pack size, lead time, primary/backup)")
@RestController
@RequestMapping("/api/v1/suppliers")
class SupplierApiController {

    private final SupplierCatalog suppliers;
    private final Validator validator;

    SupplierApiController(SupplierCatalog suppliers, Validator validator) {
        this.suppliers = suppliers;
        this.validator = validator;
    }

    @GetMapping
    PageResult<SupplierView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return suppliers.find(q, active, PageRequest.of(page, size));
    }

    @GetMapping("/{code}")
    SupplierView get(@PathVariable String code) {
        return suppliers.get(code);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSupplier")
    @PostMapping
    ResponseEntity<SupplierView> create(@Valid @RequestBody SupplierCommand command) {
        SupplierView created = suppliers.create(command);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + created.code()))
                .body(created);
    }

    @PutMapping("/{code}")
    SupplierView update(@PathVariable String code, @RequestBody SupplierCommand command) {
        command.setCode(code);
        return suppliers.update(code, RequestValidation.validated(validator, command));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        suppliers.delete(code);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "listSources")
    @GetMapping("/{code}/items")
    PageResult<SupplierItemView> sources(
            @PathVariable String code,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        suppliers.get(code);
        return suppliers.sources(code, item, PageRequest.of(page, size));
    }

    @Operation(operationId = "getSource")
    @GetMapping("/{code}/items/{item}")
    SupplierItemView source(@PathVariable String code, @PathVariable String item) {
        return suppliers.source(code, item);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addSource")
    @PostMapping("/{code}/items")
    ResponseEntity<SupplierItemView> addSource(
            @PathVariable String code, @Valid @RequestBody SupplierItemCommand command) {
        SupplierItemView created = suppliers.addSource(code, command);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + code + "/items/" + created.item()))
                .body(created);
    }

    @Operation(operationId = "updateSource")
    @PutMapping("/{code}/items/{item}")
    SupplierItemView updateSource(
            @PathVariable String code, @PathVariable String item, @RequestBody SupplierItemCommand command) {
        command.setItem(item);
        return suppliers.updateSource(code, item, RequestValidation.validated(validator, command));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeSource")
    @DeleteMapping("/{code}/items/{item}")
    ResponseEntity<Void> removeSource(@PathVariable String code, @PathVariable String item) {
        suppliers.removeSource(code, item);
        return ResponseEntity.noContent().build();
    }
}
