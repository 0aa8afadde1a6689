package org.openvmi.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Stock with no issue for {@code days} days before {@code asOf} (呆滞), with its FIFO value, most valuable first. */
public record StaleReport(LocalDate asOf, int days, BigDecimal totalValue, List<StaleLine> lines) {

    public record StaleLine(
            String item, String warehouse, String owner, BigDecimal qty, BigDecimal value, LocalDate lastIssue) {}
}
