package org.openvmi.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /requisitions}: warehouse code, urgent flag, optional note and source reference (e.g. the suggestion
 * it came from), lines of item code, quantity and needed-by date.
 */
public record RequisitionRequest(
        String warehouse,
        Boolean urgent,
        @MaxChars(500) String note,
        @MaxChars(64) String source,
        List<@Valid Line> lines) {

    public record Line(
            String item, @Digits(integer = 15, fraction = 4) BigDecimal qty, LocalDate neededBy) {}
}
