package org.openvmi.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The ledger KPIs of one calendar month (the current month up to today), for the dashboard's trend charts. */
public record MonthFigures(
        YearMonth month,
        BigDecimal stockValue,
        BigDecimal consignmentValue,
        BigDecimal turnoverDays,
        BigDecimal stockoutRate,
        BigDecimal staleValue) {}
