package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /vmi/agreements} and {@code PUT /vmi/agreements/{id}} (a new version). The agreement's price is the
 * default of lines without their own; pack size and MOQ default to the supplier's source list. {@code safety} is the
 * STAGED line below which stock is the buyer's.
 */
public record AgreementRequest(String supplier, String currency, BigDecimal price, Integer replenishWithinHours,
                               String settlementCycle, Integer settlementDay, String ownershipMode, LocalDate validFrom,
                               LocalDate validTo, String penaltyTerms, BigDecimal penaltyPerLateHour,
                               BigDecimal penaltyPerStockoutDay, List<Line> lines) {

    public record Line(String item, String location, BigDecimal min, BigDecimal max, BigDecimal price,
                       BigDecimal safety, BigDecimal packSize, BigDecimal moq) {
    }
}
