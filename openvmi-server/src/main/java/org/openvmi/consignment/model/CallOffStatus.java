package org.openvmi.consignment.model;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * A call-off plan: REQUESTED by the buyer → CONFIRMED by the supplier, or PROPOSED (another quantity or date) →
 * CONFIRMED when the buyer accepts the proposal; the buyer may CANCEL while it is not confirmed. A confirmed call-off
 * is PARTIALLY_SHIPPED, then SHIPPED, as the supplier's shipments cover it.
 */
public enum CallOffStatus {
    REQUESTED,
    PROPOSED,
    CONFIRMED,
    CANCELLED,
    PARTIALLY_SHIPPED,
    SHIPPED;

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

    public Optional<String> refuse(Action action, long id) {
        if (action.from.contains(this)) {
            return Optional.empty();
        }
        return Optional.of("Call-off " + id + " is " + this + ": "
                + action.name().toLowerCase() + " needs "
                + String.join(
                        " or ", action.from.stream().map(Enum::name).sorted().toList()));
    }
}
