package org.openvmi.analytics;

import java.time.LocalDate;
import java.util.List;

/** The KPIs of a period and the filter they cover; the previous period is as long and ends the day before. */
public record KpiReport(
        LocalDate from,
        LocalDate to,
        LocalDate previousFrom,
        LocalDate previousTo,
        String warehouse,
        String supplier,
        String category,
        List<KpiValue> kpis) {}
