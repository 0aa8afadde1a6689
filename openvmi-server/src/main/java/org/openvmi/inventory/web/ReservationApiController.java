package org.openvmi.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.openvmi.inventory.ReservationRequest;
import org.openvmi.inventory.ReservationView;
import org.openvmi.inventory.Reservations;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reservations", description = "Reserve available stock for orders and channels, with expiry")
@RestController
@RequestMapping("/api/v1/reservations")
class ReservationApiController {

    private final Reservations reservations;

    ReservationApiController(Reservations reservations) {
        this.reservations = reservations;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createReservation")
    @PostMapping
    ResponseEntity<ReservationView> reserve(
            @RequestBody ReservationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ReservationView created = reservations.reserve(request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/reservations/" + created.id()))
                .body(created);
    }

    /** Releases the reservation; answers with it, now RELEASED. */
    @DeleteMapping("/{id}")
    ReservationView release(@PathVariable long id) {
        return reservations.release(id);
    }

    @GetMapping("/{id}")
    ReservationView get(@PathVariable long id) {
        return reservations.get(id);
    }

    @GetMapping
    PageResult<ReservationView> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reservations.find(status, item, location, PageRequest.of(page, size));
    }
}
