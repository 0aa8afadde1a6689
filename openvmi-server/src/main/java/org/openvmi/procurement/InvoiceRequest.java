package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /invoices}: supplier code, PO id, the supplier's invoice number, date and lines (item, qty, price). */
public record InvoiceRequest(String supplier, Long purchaseOrder, String number, LocalDate invoiceDate,
                             List<Line> lines) {

    public record Line(Integer line, String item, BigDecimal qty, BigDecimal price) {
    }
}
