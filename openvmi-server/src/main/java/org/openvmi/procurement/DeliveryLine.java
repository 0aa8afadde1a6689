package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One purchase-order line as a supplier's delivery performance sees it: when it was ordered and answered, when it was
 * due (the confirmed date, else the needed-by date), how much was ordered and received, the day of the last receipt,
 * whether the order was cancelled, and the source list's lead time of the item.
 */
public record DeliveryLine(
        String poNumber,
        int lineNo,
        String item,
        String warehouse,
        LocalDate orderedOn,
        Instant sentAt,
        Instant answeredAt,
        LocalDate due,
        BigDecimal qty,
        BigDecimal receivedQty,
        LocalDate lastReceivedOn,
        boolean cancelled,
        Integer sourceLeadTimeDays) {}
