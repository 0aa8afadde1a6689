package org.openvmi.inventory.model;

import java.math.BigDecimal;

/** One line of a transfer: what to move (item, owner, lot, qty), what left the source and what arrived so far. */
public record TransferLine(
        int lineNo, String item, String owner, String lot, BigDecimal qty, BigDecimal shipped, BigDecimal received) {

    public TransferLine {
        lot = lot == null ? "" : lot;
        shipped = shipped == null ? BigDecimal.ZERO : shipped;
        received = received == null ? BigDecimal.ZERO : received;
    }

    /** Shipped and not yet received: still in transit (or, once the transfer is closed, the difference). */
    public BigDecimal open() {
        return shipped.subtract(received);
    }

    TransferLine withShipped(BigDecimal q) {
        return new TransferLine(lineNo, item, owner, lot, qty, q, received);
    }

    TransferLine withReceived(BigDecimal q) {
        return new TransferLine(lineNo, item, owner, lot, qty, shipped, q);
    }

    boolean matches(String itemCode, String ownerOrNull, String lotCode) {
        return item.equals(itemCode)
                && lot.equals(lotCode == null ? "" : lotCode)
                && (ownerOrNull == null || owner.equals(ownerOrNull));
    }
}
