package org.openvmi.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.shared.MaxChars;

/** {@code POST /invoices}: supplier code, PO id, the supplier's invoice number, date and lines (item, qty, price). */
public record InvoiceRequest(
        String supplier,
        Long purchaseOrder,
        @MaxChars(64) String number,
        LocalDate invoiceDate,
        List<@Valid Line> lines) {

    public record Line(
            Integer line,
            String item,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            @Digits(integer = 13, fraction = 6) BigDecimal price) {}
}
