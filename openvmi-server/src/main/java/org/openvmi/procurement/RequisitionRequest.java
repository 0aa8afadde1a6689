package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /requisitions}: warehouse code, urgent flag, optional note and source reference (e.g. the suggestion
 * it came from), lines of item code, quantity and needed-by date.
 */
public record RequisitionRequest(String warehouse, Boolean urgent, String note, String source, List<Line> lines) {

    public record Line(String item, BigDecimal qty, LocalDate neededBy) {
    }
}
