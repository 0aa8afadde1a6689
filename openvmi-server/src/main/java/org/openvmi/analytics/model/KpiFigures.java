package org.openvmi.analytics.model;

import java.math.BigDecimal;

/**
 * The ledger KPIs of one period (see docs/kpis.md). Ratios are fractions (0.25 = 25 %); a ratio whose denominator is
 * zero is null.
 */
public record KpiFigures(
        BigDecimal stockValue,
        BigDecimal consignmentValue,
        BigDecimal averageStockValue,
        BigDecimal issueCost,
        BigDecimal turnover,
        BigDecimal turnoverDays,
        BigDecimal stockoutRate,
        BigDecimal fillRate,
        BigDecimal staleValue,
        long staleLines) {}
