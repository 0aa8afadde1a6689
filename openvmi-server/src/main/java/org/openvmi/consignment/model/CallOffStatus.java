package org.openvmi.consignment.model;

import java.util.Optional;
import java.util.Set;

/**
 * A call-off plan: REQUESTED by the buyer → CONFIRMED by the supplier, or PROPOSED (another quantity or date) →
 * CONFIRMED when the buyer accepts the proposal; the buyer may CANCEL while it is not confirmed.
 */
public enum CallOffStatus {
    REQUESTED, PROPOSED, CONFIRMED, CANCELLED;

    public enum Action {
        CONFIRM(Set.of(REQUESTED), CONFIRMED), PROPOSE(Set.of(REQUESTED, PROPOSED), PROPOSED),
        ACCEPT(Set.of(PROPOSED), CONFIRMED), CANCEL(Set.of(REQUESTED, PROPOSED), CANCELLED);

        private final Set<CallOffStatus> from;
        private final CallOffStatus to;

        Action(Set<CallOffStatus> from, CallOffStatus to) {
            this.from = from;
            this.to = to;
        }

        public CallOffStatus to() {
            return to;
        }
    }

    public Optional<String> refuse(Action action, long id) {
        if (action.from.contains(this)) {
            return Optional.empty();
        }
        return Optional.of("Call-off " + id + " is " + this + ": " + action.name().toLowerCase()
                + " needs " + String.join(" or ", action.from.stream().map(Enum::name).sorted().toList()));
    }
}
