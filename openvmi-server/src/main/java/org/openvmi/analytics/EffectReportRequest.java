package org.openvmi.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What to replay: the items, either listed or chosen by {@code category} (the items of that category with stock lines
 * in the warehouse; neither: every item with stock lines in the warehouse), the warehouse, the past period
 * (whole weeks from {@code from}), the baseline (the MANUAL lines in force, or COVER: order up to {@code coverWeeks}
 * of mean weekly demand), the engine's fill-rate target and the replenishment lead time in weeks.
 */
public record EffectReportRequest(
        List<String> items,
        String warehouse,
        LocalDate from,
        LocalDate to,
        Baseline baseline,
        Integer coverWeeks,
        BigDecimal target,
        Integer leadTimeWeeks,
        String category) {

    public enum Baseline {
        MANUAL,
        COVER
    }

    public int leadTime() {
        return leadTimeWeeks == null ? 1 : leadTimeWeeks;
    }
}
