package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A FIFO receipt layer: what is left of one receipt, when it came in and at what unit cost. A negative quantity is a
 * deficit (stock issued below zero at a location that allows it), filled first by the next receipt.
 */
public record Layer(LocalDate receivedOn, BigDecimal qty, BigDecimal unitCost) {

    public BigDecimal value() {
        return qty.signum() > 0 ? qty.multiply(unitCost) : BigDecimal.ZERO;
    }
}
