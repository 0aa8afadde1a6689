package org.openvmi.procurement.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;

/**
 * The life of a purchase order. It is SENT to the supplier when created; the supplier answers a SENT order —
 * CONFIRMED as ordered, or CHANGE_PROPOSED (other quantities or dates) — and the buyer accepts the proposal
 * (CONFIRMED, a new revision) or rejects it (back to SENT). Receipts make it PARTIALLY_RECEIVED, then RECEIVED once no
 * line is open; cancelling the last open lines does the same, or CANCELLED when nothing came. The buyer may CLOSE
 * it (short close) any time before that. CLOSED and CANCELLED are final. The column keeps the name.
 */
@org.springframework.modulith.NamedInterface("status")
public enum PurchaseOrderStatus implements DocumentStatus<PurchaseOrderStatus> {
    SENT,
    CHANGE_PROPOSED,
    CONFIRMED,
    PARTIALLY_RECEIVED,
    RECEIVED,
    CLOSED,
    CANCELLED;

    @Override
    public Set<PurchaseOrderStatus> next() {
        return switch (this) {
            case SENT -> EnumSet.of(CHANGE_PROPOSED, CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED);
            // goods may arrive while the buyer still decides a proposal (the receipt then ends the proposal)
            case CHANGE_PROPOSED -> EnumSet.of(SENT, CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CLOSED);
            case CONFIRMED -> EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED);
            case PARTIALLY_RECEIVED -> EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED);
            case RECEIVED -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(PurchaseOrderStatus.class);
        };
    }

    @Override
    public String document() {
        return "PurchaseOrder";
    }

    /**
     * The supplier's answer: CONFIRMED as ordered or CHANGE_PROPOSED. Only a SENT order is answered — a proposal
     * already made waits for the buyer, though CONFIRMED is also where the buyer's acceptance leads.
     */
    public PurchaseOrderStatus answer(boolean change, Object number) {
        PurchaseOrderStatus to = change ? CHANGE_PROPOSED : CONFIRMED;
        if (this != SENT) {
            throw refusal(to, number, EnumSet.of(SENT));
        }
        return to;
    }

    /** The buyer accepts the supplier's proposal: only a CHANGE_PROPOSED order has one. */
    public PurchaseOrderStatus acceptChange(Object number) {
        if (this != CHANGE_PROPOSED) {
            throw refusal(CONFIRMED, number, EnumSet.of(CHANGE_PROPOSED));
        }
        return CONFIRMED;
    }

    /** Goods may be received on the order. */
    public boolean receivable() {
        return canMoveTo(PARTIALLY_RECEIVED);
    }

    /** The status after a receipt: RECEIVED once no line is open. */
    public PurchaseOrderStatus afterReceipt(boolean allLinesClosed, Object number) {
        return moveTo(allLinesClosed ? RECEIVED : PARTIALLY_RECEIVED, number);
    }

    /** The buyer may cancel open lines one by one — not while a supplier's proposal, which may change them, waits. */
    public boolean linesCancellable() {
        return this == SENT || this == CONFIRMED || this == PARTIALLY_RECEIVED;
    }

    /** The status once the last open line was cancelled: RECEIVED when anything came, else CANCELLED. */
    public PurchaseOrderStatus afterLastLineCancelled(boolean anythingCame, Object number) {
        PurchaseOrderStatus to = anythingCame ? RECEIVED : CANCELLED;
        if (!linesCancellable()) {
            throw refusal(to, number, EnumSet.of(SENT, CONFIRMED, PARTIALLY_RECEIVED));
        }
        return moveTo(to, number);
    }

    /** The statuses that may move to {@code to}, by name: the guard of the conditional update that moves a row. */
    public static List<String> from(PurchaseOrderStatus to) {
        return Arrays.stream(values())
                .filter(s -> s.canMoveTo(to))
                .map(Enum::name)
                .toList();
    }

    /** The statuses in which goods may be received, by name (open supply in SQL). */
    public static List<String> receivableNames() {
        return Arrays.stream(values())
                .filter(PurchaseOrderStatus::receivable)
                .map(Enum::name)
                .toList();
    }
}
