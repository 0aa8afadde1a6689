package org.openvmi.inventory.model;

import java.util.EnumSet;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;

/**
 * DRAFT → SHIPPED → PARTIALLY_RECEIVED (as often as parts arrive) → RECEIVED, or CLOSED with a difference while goods
 * are still in transit. RECEIVED and CLOSED are final.
 */
@org.springframework.modulith.NamedInterface("status")
public enum TransferStatus implements DocumentStatus<TransferStatus> {
    DRAFT,
    SHIPPED,
    PARTIALLY_RECEIVED,
    RECEIVED,
    CLOSED;

    @Override
    public Set<TransferStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SHIPPED);
            case SHIPPED, PARTIALLY_RECEIVED -> EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED);
            case RECEIVED, CLOSED -> EnumSet.noneOf(TransferStatus.class);
        };
    }

    @Override
    public String document() {
        return "Transfer";
    }

    /** Shipped and not finished: its open quantities sit at the destination warehouse's in-transit location. */
    public boolean inTransit() {
        return canMoveTo(RECEIVED);
    }
}
