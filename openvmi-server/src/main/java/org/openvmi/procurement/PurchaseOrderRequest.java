package org.openvmi.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /purchase-orders}: either {@code {"requisition": id}} (one PO per supplier from an APPROVED
 * requisition) or an explicit order {@code {"supplier", "warehouse", "lines":[{item, qty, neededBy}]}} at source-list
 * prices.
 */
public record PurchaseOrderRequest(Long requisition, String supplier, String warehouse, List<@Valid Line> lines) {

    public record Line(
            String item, @Digits(integer = 15, fraction = 4) BigDecimal qty, LocalDate neededBy) {}
}
