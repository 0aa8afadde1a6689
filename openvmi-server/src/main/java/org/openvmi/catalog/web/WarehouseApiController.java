package org.openvmi.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.LocationView;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.catalog.WarehouseView;
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

@Tag(name = "Warehouses", description = "Warehouses and their locations (bins, VMI zones, receiving, in transit)")
@RestController
@RequestMapping("/api/v1/warehouses")
class WarehouseApiController {

    private final WarehouseCatalog warehouses;
    private final Validator validator;

    WarehouseApiController(WarehouseCatalog warehouses, Validator validator) {
        this.warehouses = warehouses;
        this.validator = validator;
    }

    @GetMapping
    PageResult<WarehouseView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return warehouses.find(q, PageRequest.of(page, size));
    }

    @GetMapping("/{code}")
    WarehouseView get(@PathVariable String code) {
        return warehouses.get(code);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWarehouse")
    @PostMapping
    ResponseEntity<WarehouseView> create(@Valid @RequestBody WarehouseCommand command) {
        WarehouseView created = warehouses.create(command);
        return ResponseEntity.created(URI.create("/api/v1/warehouses/" + created.code()))
                .body(created);
    }

    @PutMapping("/{code}")
    WarehouseView update(@PathVariable String code, @RequestBody WarehouseCommand command) {
        command.setCode(code);
        return warehouses.update(code, RequestValidation.validated(validator, command));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        warehouses.delete(code);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "listLocations")
    @GetMapping("/{code}/locations")
    PageResult<LocationView> locations(
            @PathVariable String code,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) LocationType type,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        warehouses.get(code);
        return warehouses.findLocations(code, q, type, PageRequest.of(page, size));
    }

    @Operation(operationId = "getLocation")
    @GetMapping("/{code}/locations/{location}")
    LocationView location(@PathVariable String code, @PathVariable String location) {
        return warehouses.location(code, location);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createLocation")
    @PostMapping("/{code}/locations")
    ResponseEntity<LocationView> createLocation(
            @PathVariable String code, @Valid @RequestBody LocationCommand command) {
        LocationView created = warehouses.createLocation(code, command);
        return ResponseEntity.created(URI.create("/api/v1/warehouses/" + code + "/locations/" + created.code()))
                .body(created);
    }

    @PutMapping("/{code}/locations/{location}")
    LocationView updateLocation(
            @PathVariable String code, @PathVariable String location, @RequestBody LocationCommand command) {
        command.setCode(location);
        return warehouses.updateLocation(code, location, RequestValidation.validated(validator, command));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{code}/locations/{location}")
    ResponseEntity<Void> deleteLocation(@PathVariable String code, @PathVariable String location) {
        warehouses.deleteLocation(code, location);
        return ResponseEntity.noContent().build();
    }
}
