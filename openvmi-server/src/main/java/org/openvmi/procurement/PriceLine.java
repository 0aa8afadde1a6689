package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One purchase-order line as price variance sees it: its ordered quantity and PO price, what was invoiced of it (the
 * quantity and the invoiced value, Σ invoice quantity × invoice price), and the source list's price of the item from
 * the supplier (null when the source list has none).
 */
public record PriceLine(
        String supplier,
        String poNumber,
        int lineNo,
        String item,
        String warehouse,
        LocalDate orderedOn,
        BigDecimal qty,
        BigDecimal poPrice,
        BigDecimal invoicedQty,
        BigDecimal invoicedValue,
        BigDecimal sourcePrice) {}
