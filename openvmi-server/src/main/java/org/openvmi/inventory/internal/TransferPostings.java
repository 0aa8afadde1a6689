package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementType;
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
    private final TransferRepository transfers;

    TransferPostings(InventoryLedger ledger, TransferRepository transfers) {
        this.ledger = ledger;
        this.transfers = transfers;
    }

    public void post(Transfer t) {
        if (t.events().isEmpty()) {
            return;
        }
        String reference = "TRF-" + t.id();
        TransferRepository.LedgerIds ids = transfers.ledgerIds(t.id());
        for (TransferEvent event : t.events()) {
            List<LedgerLine> lines = new ArrayList<>();
            switch (event.type()) {
                case SHIPPED -> {
                    // the outgoing lines first: a refusal of the ledger then names lines[i] = line i of the transfer
                    add(
                            lines,
                            ids,
                            event,
                            MovementType.TRANSFER_OUT,
                            ids.from(),
                            false,
                            reference,
                            "transfer to " + t.toLocation());
                    add(
                            lines,
                            ids,
                            event,
                            MovementType.TRANSFER_IN,
                            ids.transit(),
                            false,
                            reference,
                            "in transit to " + t.toLocation());
                }
                case RECEIVED -> {
                    add(
                            lines,
                            ids,
                            event,
                            MovementType.TRANSFER_OUT,
                            ids.transit(),
                            false,
                            reference,
                            "received at " + t.toLocation());
                    add(
                            lines,
                            ids,
                            event,
                            MovementType.TRANSFER_IN,
                            ids.to(),
                            false,
                            reference,
                            "transfer from " + t.fromLocation());
                }
                case CLOSED ->
                    add(lines, ids, event, MovementType.ADJUST, ids.transit(), true, reference, DIFFERENCE_REASON);
            }
            if (!lines.isEmpty()) {
                ledger.record(lines);
            }
        }
    }

    private static void add(
            List<LedgerLine> lines,
            TransferRepository.LedgerIds ids,
            TransferEvent event,
            MovementType type,
            long location,
            boolean negate,
            String reference,
            String reason) {
        for (TransferEvent.Moved m : event.quantities()) {
            BigDecimal qty = negate ? m.qty().negate() : m.qty();
            TransferRepository.LineIds line = ids.lines().get(m.line().lineNo());
            lines.add(LedgerLine.of(
                    type,
                    line.itemId(),
                    location,
                    line.ownerSupplierId(),
                    m.line().lot(),
                    qty,
                    reason,
                    reference));
        }
    }
}
