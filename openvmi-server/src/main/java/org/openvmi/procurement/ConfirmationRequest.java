package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /purchase-orders/{id}/confirm} by the supplier: without lines, or with lines that keep the ordered
 * quantity and give a delivery date, it confirms; a line with another quantity proposes a change for the buyer.
 * Lines are addressed by {@code line} (line number) or item code.
 */
public record ConfirmationRequest(List<Line> lines, String comment) {

    public record Line(Integer line, String item, BigDecimal qty, LocalDate deliveryDate) {
    }
}
