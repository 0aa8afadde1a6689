package org.openvmi.planning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openvmi.availability.Availability;
import org.openvmi.availability.AvailabilityView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Planning", description = "Planning runs, forecasts, replenishment suggestions, lead times")
@RestController
class SupplyAvailabilityApiController {

    private final Availability availability;

    SupplyAvailabilityApiController(Availability availability) {
        this.availability = availability;
    }

    @Operation(
            operationId = "getAvailability",
            summary = "Supply and demand of an item at a warehouse by date: on hand,"
                    + " every open inbound and outbound line with the projected available after it, the inventory position"
                    + " and available-to-promise (a supplier: own items only, other suppliers' documents hidden)")
    @GetMapping("/api/v1/availability/{item}/{warehouse}")
    AvailabilityView availability(@PathVariable String item, @PathVariable String warehouse) {
        return availability.timeline(item, warehouse);
    }
}
