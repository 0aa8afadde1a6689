package org.openvmi.procurement.model;

import java.util.EnumSet;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;

/**
 * A supplier's shipment notice (ASN) against a purchase order is IN_TRANSIT until it is received, in one receipt,
 * and then RECEIVED for good: a second receipt of the same notice is refused. The column keeps the name.
 */
public enum ShipmentNoticeStatus implements DocumentStatus<ShipmentNoticeStatus> {
    IN_TRANSIT,
    RECEIVED;

    @Override
    public Set<ShipmentNoticeStatus> next() {
        return this == IN_TRANSIT ? EnumSet.of(RECEIVED) : EnumSet.noneOf(ShipmentNoticeStatus.class);
    }

    @Override
    public String document() {
        return "ShipmentNotice";
    }

    /** Goods announced by the notice can still be received on it. */
    public boolean receivable() {
        return canMoveTo(RECEIVED);
    }
}
