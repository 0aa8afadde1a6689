package org.openvmi.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openvmi.analytics.model.SupplyKpis;

/**
 * A supplier's delivery performance in a period: on time in full per PO line, lead time mean and spread beside the
 * source list's, and the time it takes to answer an order (docs/kpis.md); with its VMI SLA, price variance and
 * statement disputes and the call-offs' due times kept ({@code vmiCallOffs}) once {@link #with(SupplyKpiQueries.SupplyFigures)} added them.
 */
public record SupplierScorecard(
        String supplier,
        String warehouse,
        LocalDate from,
        LocalDate to,
        long dueLines,
        long otifLines,
        BigDecimal otif,
        long completedLines,
        BigDecimal leadTimeMeanDays,
        BigDecimal leadTimeSpreadDays,
        BigDecimal sourceLeadTimeMeanDays,
        long answeredOrders,
        BigDecimal confirmationHoursMean,
        SupplyKpis.Sla vmiSla,
        SupplyKpis.PriceVariance priceVariance,
        SupplyKpis.Disputes statements,
        SupplyKpis.CallOffSla vmiCallOffs) {

    public SupplierScorecard(
            String supplier,
            String warehouse,
            LocalDate from,
            LocalDate to,
            long dueLines,
            long otifLines,
            BigDecimal otif,
            long completedLines,
            BigDecimal leadTimeMeanDays,
            BigDecimal leadTimeSpreadDays,
            BigDecimal sourceLeadTimeMeanDays,
            long answeredOrders,
            BigDecimal confirmationHoursMean) {
        this(
                supplier,
                warehouse,
                from,
                to,
                dueLines,
                otifLines,
                otif,
                completedLines,
                leadTimeMeanDays,
                leadTimeSpreadDays,
                sourceLeadTimeMeanDays,
                answeredOrders,
                confirmationHoursMean,
                null,
                null,
                null,
                null);
    }

    public SupplierScorecard with(SupplyKpiQueries.SupplyFigures f) {
        return new SupplierScorecard(
                supplier,
                warehouse,
                from,
                to,
                dueLines,
                otifLines,
                otif,
                completedLines,
                leadTimeMeanDays,
                leadTimeSpreadDays,
                sourceLeadTimeMeanDays,
                answeredOrders,
                confirmationHoursMean,
                f.vmiSla(),
                f.priceVariance(),
                f.statements(),
                f.callOffs());
    }
}
