package org.openvmi.consignment;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import org.openvmi.shared.MaxChars;

/** {@code POST /vmi/consumptions}: consume an item at a VMI location (FIFO across lots and owners). */
public record ConsumptionRequest(
        String item,
        String location,
        @Digits(integer = 15, fraction = 4) BigDecimal qty,
        @MaxChars(100) String reference) {}
