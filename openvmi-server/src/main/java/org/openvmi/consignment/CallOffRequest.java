package org.openvmi.consignment;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.openvmi.shared.MaxChars;

/** {@code POST /vmi/calloffs} (buyer) and {@code POST /vmi/calloffs/{id}/propose} (supplier: qty and/or neededBy). */
public record CallOffRequest(
        String supplier,
        String item,
        String location,
        @Digits(integer = 15, fraction = 4) BigDecimal qty,
        LocalDate neededBy,
        @MaxChars(1000) String comment) {}
