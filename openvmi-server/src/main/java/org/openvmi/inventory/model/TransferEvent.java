package org.openvmi.inventory.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a transfer recorded when its state changed, and so what the ledger must post: SHIPPED moves the quantities
 * from the source to the in-transit location, RECEIVED from in transit to the destination, CLOSED writes the
 * unreceived rest off the in-transit location (the difference).
 */
public record TransferEvent(Type type, List<Moved> quantities) {

    public enum Type {
        SHIPPED,
        RECEIVED,
        CLOSED
    }

    /** A quantity of one line. */
    public record Moved(TransferLine line, BigDecimal qty) {}
}
