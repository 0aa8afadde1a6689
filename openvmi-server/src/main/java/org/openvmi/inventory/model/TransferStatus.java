package org.openvmi.inventory.model;

/** DRAFT → SHIPPED → PARTIALLY_RECEIVED → RECEIVED, or CLOSED with a difference while goods are still in transit. */
public enum TransferStatus {
    DRAFT, SHIPPED, PARTIALLY_RECEIVED, RECEIVED, CLOSED;

    /** Shipped and not finished: its open quantities sit at the destination warehouse's in-transit location. */
    public boolean inTransit() {
        return this == SHIPPED || this == PARTIALLY_RECEIVED;
    }
}
