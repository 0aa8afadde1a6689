package org.openvmi.consignment.model;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;
import org.openvmi.shared.IllegalTransition;

/**
 * A call-off plan: REQUESTED by the buyer → CONFIRMED by the supplier, or PROPOSED (another quantity or date) →
 * CONFIRMED when the buyer accepts the proposal; the buyer may CANCEL while it is not confirmed. A confirmed call-off
 * is PARTIALLY_SHIPPED, then SHIPPED, as the supplier's shipments cover it. A move that is not allowed is refused with
 * the one 409 of every document ({@link IllegalTransition}).
 */
@org.springframework.modulith.NamedInterface("status")
public enum CallOffStatus implements DocumentStatus<CallOffStatus> {
    REQUESTED,
    PROPOSED,
    CONFIRMED,
    CANCELLED,
    PARTIALLY_SHIPPED,
    SHIPPED;

    /**
     * Shipments fill requested and proposed call-offs too, so confirming one (or accepting its proposal) may lead
     * straight to partly shipped or shipped.
     */
    @Override
    public Set<CallOffStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(PROPOSED, CONFIRMED, CANCELLED, PARTIALLY_SHIPPED, SHIPPED);
            case PROPOSED -> EnumSet.of(PROPOSED, CONFIRMED, CANCELLED, PARTIALLY_SHIPPED, SHIPPED);
            case CONFIRMED -> EnumSet.of(PARTIALLY_SHIPPED, SHIPPED);
            case PARTIALLY_SHIPPED -> EnumSet.of(SHIPPED);
            case CANCELLED, SHIPPED -> EnumSet.noneOf(CallOffStatus.class);
        };
    }

    @Override
    public String document() {
        return "CallOff";
    }

    /** The status once {@code shipped} of {@code qty} is covered: only a confirmed call-off moves on. */
    public CallOffStatus afterShipping(BigDecimal shipped, BigDecimal qty) {
        if (this != CONFIRMED && this != PARTIALLY_SHIPPED) {
            return this;
        }
        return shipped.compareTo(qty) >= 0 ? SHIPPED : shipped.signum() > 0 ? PARTIALLY_SHIPPED : this;
    }

    public enum Action {
        CONFIRM(Set.of(REQUESTED), CONFIRMED),
        PROPOSE(Set.of(REQUESTED, PROPOSED), PROPOSED),
        ACCEPT(Set.of(PROPOSED), CONFIRMED),
        CANCEL(Set.of(REQUESTED, PROPOSED), CANCELLED);

        private final Set<CallOffStatus> from;
        private final CallOffStatus to;

        Action(Set<CallOffStatus> from, CallOffStatus to) {
            this.from = from;
            this.to = to;
        }

        public CallOffStatus to() {
            return to;
        }

        /**
         * The status after the action when shipments already covered {@code shipped} of the call-off's {@code qty}:
         * they fill requested and proposed call-offs too, so one confirmed after they came is partly shipped or
         * shipped at once rather than waiting for the next shipment.
         */
        public CallOffStatus to(BigDecimal shipped, BigDecimal qty) {
            return to.afterShipping(shipped, qty);
        }
    }

    /**
     * The refusal of {@code action} on call-off {@code id} in this status, or empty when the action may be taken here:
     * an action is narrower than the graph (only a REQUESTED call-off is confirmed by the supplier, only a PROPOSED
     * one accepted by the buyer).
     */
    public Optional<IllegalTransition> refusal(Action action, long id) {
        return action.from.contains(this) ? Optional.empty() : Optional.of(refusal(action.to, id, action.from));
    }
}
