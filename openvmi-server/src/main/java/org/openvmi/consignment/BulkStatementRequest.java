package org.openvmi.consignment;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /settlements/bulk}: make and issue the statements of a calendar month ({@code period}, YYYY-MM) for
 * every supplier with open lines, or only for {@code suppliers} when given. Tax rate optional, e.g. 0.13.
 */
public record BulkStatementRequest(
        String period,
        @Size(max = 1000) List<String> suppliers,
        @Digits(integer = 3, fraction = 4) BigDecimal taxRate) {}
