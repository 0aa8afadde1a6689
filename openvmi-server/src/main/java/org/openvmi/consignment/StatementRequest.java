package org.openvmi.consignment;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST /settlements}: make the statement of a supplier for a period (tax rate optional, e.g. 0.13). */
public record StatementRequest(
        String supplier,
        LocalDate from,
        LocalDate to,
        @Digits(integer = 3, fraction = 4) BigDecimal taxRate) {}
