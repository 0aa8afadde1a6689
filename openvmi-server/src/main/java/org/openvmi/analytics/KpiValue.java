package org.openvmi.analytics;

import java.math.BigDecimal;

/** One KPI of a period: its value, the previous period's, and the relative change (null when not defined). */
public record KpiValue(String code, String unit, BigDecimal value, BigDecimal previous, BigDecimal trend) {}
