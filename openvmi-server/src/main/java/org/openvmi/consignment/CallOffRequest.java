package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST /vmi/calloffs} (buyer) and {@code POST /vmi/calloffs/{id}/propose} (supplier: qty and/or neededBy). */
public record CallOffRequest(String supplier, String item, String location, BigDecimal qty, LocalDate neededBy,
                             String comment) {
}
