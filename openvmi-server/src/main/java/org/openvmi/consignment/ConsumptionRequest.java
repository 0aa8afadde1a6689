package org.openvmi.consignment;

import java.math.BigDecimal;

/** {@code POST /vmi/consumptions}: consume an item at a VMI location (FIFO across lots and owners). */
public record ConsumptionRequest(String item, String location, BigDecimal qty, String reference) {
}
