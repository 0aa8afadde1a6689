package org.openvmi.supplier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.supplier.ItemAvailabilityView;
import org.openvmi.supplier.ShortageView;
import org.openvmi.supplier.SupplierAvailability;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Supplier stock", description = "Supplier-side available stock: suppliers write their own, buyers read all")
@RestController
@RequestMapping("/api/v1/supplier-stock")
class AvailabilityApiController {

    private final SupplierAvailability availability;

    AvailabilityApiController(SupplierAvailability availability) {
        this.availability = availability;
    }

    @Operation(
            operationId = "whoHasStock",
            summary = "Who has stock: every supplier of the items, soonest delivery first",
            description = "items: comma-separated codes (at most 200); qty: the quantity needed (optional). Suppliers "
                    + "that can cover the quantity come first, then by delivery days, fresh before stale, "
                    + "primary before backup, lower price.")
    @GetMapping("/availability")
    List<ItemAvailabilityView> whoHasStock(
            @RequestParam List<String> items, @RequestParam(required = false) BigDecimal qty) {
        return availability.whoHasStock(items, qty);
    }

    @Operation(
            operationId = "listShortages",
            summary = "Items below their warning line, with the suppliers able to refill them to the max line")
    @GetMapping("/shortages")
    List<ShortageView> shortages(@RequestParam(required = false) String warehouse) {
        return availability.shortages(warehouse);
    }
}
