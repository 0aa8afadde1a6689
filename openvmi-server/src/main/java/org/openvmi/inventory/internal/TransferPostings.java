package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.model.MovementType;
import org.openvmi.inventory.model.Transfer;
import org.openvmi.inventory.model.TransferEvent;
import org.springframework.stereotype.Component;

/**
 * Posts what a transfer recorded, inside the use case's transaction, with reference {@code TRF-<id>}:
 * shipped = TRANSFER_OUT at the source + TRANSFER_IN at the destination's in-transit location;
 * received = TRANSFER_OUT from in transit + TRANSFER_IN at the destination;
 * closed = ADJUST of −difference at the in-transit location, reason "transfer difference".
 */
@Component
public class TransferPostings {

    public static final String DIFFERENCE_REASON = "transfer difference";

    private final InventoryLedger ledger;

    TransferPostings(InventoryLedger ledger) {
        this.ledger = ledger;
    }

    public void post(Transfer t) {
        String reference = "TRF-" + t.id();
        for (TransferEvent event : t.events()) {
            List<MovementRequest> lines = new ArrayList<>();
            switch (event.type()) {
                case SHIPPED -> {
                    // the outgoing lines first: a refusal of the ledger then names lines[i] = line i of the transfer
                    add(lines, event, MovementType.TRANSFER_OUT, t.fromLocation(), false, reference, "transfer to " + t.toLocation());
                    add(lines, event, MovementType.TRANSFER_IN, t.transitLocation(), false, reference, "in transit to " + t.toLocation());
                }
                case RECEIVED -> {
                    add(lines, event, MovementType.TRANSFER_OUT, t.transitLocation(), false, reference, "received at " + t.toLocation());
                    add(lines, event, MovementType.TRANSFER_IN, t.toLocation(), false, reference, "transfer from " + t.fromLocation());
                }
                case CLOSED -> add(lines, event, MovementType.ADJUST, t.transitLocation(), true, reference, DIFFERENCE_REASON);
            }
            if (!lines.isEmpty()) {
                ledger.postInternal(lines);
            }
        }
    }

    private static void add(List<MovementRequest> lines, TransferEvent event, MovementType type, String location,
                            boolean negate, String reference, String reason) {
        for (TransferEvent.Moved m : event.quantities()) {
            BigDecimal qty = negate ? m.qty().negate() : m.qty();
            lines.add(new MovementRequest(type.name(), m.line().item(), location, m.line().owner(), m.line().lot(), qty,
                    null, reason, reference));
        }
    }
}
