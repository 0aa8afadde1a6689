package org.openvmi.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A supplier's delivery performance in a period: on time in full per PO line, lead time mean and spread beside the
 * source list's, and the time it takes to answer an order (docs/kpis.md).
 */
public record SupplierScorecard(String supplier, String warehouse, LocalDate from, LocalDate to, long dueLines,
                                long otifLines, BigDecimal otif, long completedLines, BigDecimal leadTimeMeanDays,
                                BigDecimal leadTimeSpreadDays, BigDecimal sourceLeadTimeMeanDays, long answeredOrders,
                                BigDecimal confirmationHoursMean) {
}
