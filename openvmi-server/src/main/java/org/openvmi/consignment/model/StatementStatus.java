package org.openvmi.consignment.model;

import java.util.Optional;
import java.util.Set;

/**
 * The life of a settlement statement: DRAFT → ISSUED (lines frozen) → CONFIRMED or DISPUTED (by the supplier) →
 * CLOSED. A transition that is not allowed returns the reason, for a 409.
 */
public enum StatementStatus {
    DRAFT, ISSUED, CONFIRMED, DISPUTED, CLOSED;

    public enum Action {
        ISSUE(Set.of(DRAFT), ISSUED), CONFIRM(Set.of(ISSUED), CONFIRMED), DISPUTE(Set.of(ISSUED), DISPUTED),
        CLOSE(Set.of(CONFIRMED, DISPUTED), CLOSED);

        private final Set<StatementStatus> from;
        private final StatementStatus to;

        Action(Set<StatementStatus> from, StatementStatus to) {
            this.from = from;
            this.to = to;
        }

        public StatementStatus to() {
            return to;
        }
    }

    /** Why the action is refused in this state, or empty when it is allowed. */
    public Optional<String> refuse(Action action, long statementId) {
        if (action.from.contains(this)) {
            return Optional.empty();
        }
        return Optional.of("Statement " + statementId + " is " + this + ": only a statement that is "
                + String.join(" or ", action.from.stream().map(Enum::name).sorted().toList()) + " can be "
                + action.to.name().toLowerCase());
    }
}
