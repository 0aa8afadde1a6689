package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An agreement in its current version (or the version asked for), with its lines. */
public record AgreementView(
        long id,
        String supplier,
        String supplierName,
        String status,
        int version,
        String currency,
        String ownershipMode,
        String settlementCycle,
        Integer settlementDay,
        int replenishWithinHours,
        LocalDate validFrom,
        LocalDate validTo,
        String penaltyTerms,
        BigDecimal penaltyPerLateHour,
        BigDecimal penaltyPerStockoutDay,
        Instant effectiveAt,
        String createdBy,
        List<Line> lines) {

    public record Line(
            long id,
            String item,
            String itemName,
            String location,
            String warehouse,
            BigDecimal min,
            BigDecimal max,
            BigDecimal safety,
            BigDecimal price,
            BigDecimal packSize,
            BigDecimal moq) {}
}
