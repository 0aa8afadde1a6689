package org.openvmi.consignment.model;

import java.util.EnumSet;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;

/**
 * A supplier's consignment shipment (ASN into a VMI zone) is IN_TRANSIT until its first receipt, PARTIALLY_RECEIVED
 * while lines are still open (as often as parts arrive), RECEIVED once none is; RECEIVED is final.
 */
@org.springframework.modulith.NamedInterface("status")
public enum ShipmentStatus implements DocumentStatus<ShipmentStatus> {
    IN_TRANSIT,
    PARTIALLY_RECEIVED,
    RECEIVED;

    @Override
    public Set<ShipmentStatus> next() {
        return this == RECEIVED ? EnumSet.noneOf(ShipmentStatus.class) : EnumSet.of(PARTIALLY_RECEIVED, RECEIVED);
    }

    @Override
    public String document() {
        return "Shipment";
    }

    /** Goods may still be received on it. */
    public boolean open() {
        return canMoveTo(RECEIVED);
    }

    /** The status after a receipt: RECEIVED once no line is open. */
    public ShipmentStatus afterReceipt(boolean complete, long id) {
        return moveTo(complete ? RECEIVED : PARTIALLY_RECEIVED, id);
    }
}
