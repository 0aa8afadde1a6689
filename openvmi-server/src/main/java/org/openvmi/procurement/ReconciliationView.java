package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Monthly reconciliation statement of one supplier: per item, what was ordered, received and invoiced in the month
 * (quantity and amount), and what is open at the month's end (ordered not received, received not invoiced).
 */
public record ReconciliationView(
        String supplier,
        YearMonth period,
        String currency,
        List<Line> lines,
        BigDecimal orderedAmount,
        BigDecimal receivedAmount,
        BigDecimal invoicedAmount,
        BigDecimal openToReceiveAmount,
        BigDecimal openToInvoiceAmount) {

    public record Line(
            String item,
            String itemName,
            BigDecimal orderedQty,
            BigDecimal orderedAmount,
            BigDecimal receivedQty,
            BigDecimal receivedAmount,
            BigDecimal invoicedQty,
            BigDecimal invoicedAmount,
            BigDecimal openToReceiveQty,
            BigDecimal openToInvoiceQty,
            BigDecimal openToReceiveAmount,
            BigDecimal openToInvoiceAmount) {}
}
