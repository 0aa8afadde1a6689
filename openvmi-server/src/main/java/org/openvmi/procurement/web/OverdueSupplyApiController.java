package org.openvmi.procurement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openvmi.procurement.OverdueSupply;
import org.openvmi.procurement.OverdueSupplyView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Overdue supply", description = "PO lines and shipment notices past their date (采购延迟)")
@RestController
class OverdueSupplyApiController {

    private final OverdueSupply overdue;

    OverdueSupplyApiController(OverdueSupply overdue) {
        this.overdue = overdue;
    }

    /**
     * The overdue-supply alerts, oldest due date first, filtered by status (OPEN, RESOLVED), kind (PO_LINE,
     * SHIPMENT_NOTICE), warehouse and supplier codes; all optional. A supplier sees only its own.
     */
    @Operation(operationId = "listOverdueSupply")
    @GetMapping("/api/v1/overdue-supply")
    PageResult<OverdueSupplyView> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return overdue.find(status, kind, warehouse, supplier, PageRequest.of(page, size));
    }
}
