package org.openvmi.consignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /vmi/agreements} and {@code PUT /vmi/agreements/{id}} (a new version). The agreement's price is the
 * default of lines without their own; pack size and MOQ default to the supplier's source list. {@code safety} is the
 * STAGED line below which stock is the buyer's.
 */
public record AgreementRequest(
        String supplier,
        String currency,
        @Digits(integer = 13, fraction = 6) BigDecimal price,
        Integer replenishWithinHours,
        String settlementCycle,
        Integer settlementDay,
        String ownershipMode,
        LocalDate validFrom,
        LocalDate validTo,
        @MaxChars(2000) String penaltyTerms,
        @Digits(integer = 17, fraction = 2) BigDecimal penaltyPerLateHour,
        @Digits(integer = 17, fraction = 2) BigDecimal penaltyPerStockoutDay,
        List<@Valid Line> lines) {

    public record Line(
            String item,
            String location,
            @Digits(integer = 15, fraction = 4) BigDecimal min,
            @Digits(integer = 15, fraction = 4) BigDecimal max,
            @Digits(integer = 13, fraction = 6) BigDecimal price,
            @Digits(integer = 15, fraction = 4) BigDecimal safety,
            @Digits(integer = 15, fraction = 4) BigDecimal packSize,
            @Digits(integer = 15, fraction = 4) BigDecimal moq) {}
}
