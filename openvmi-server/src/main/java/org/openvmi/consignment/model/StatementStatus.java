package org.openvmi.consignment.model;

import java.util.EnumSet;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;

/**
 * The life of a settlement statement: DRAFT → ISSUED (lines frozen) → CONFIRMED or DISPUTED (by the supplier) →
 * CLOSED. A move that is not allowed is refused with the one 409 of every document.
 */
@org.springframework.modulith.NamedInterface("status")
public enum StatementStatus implements DocumentStatus<StatementStatus> {
    DRAFT,
    ISSUED,
    CONFIRMED,
    DISPUTED,
    CLOSED;

    @Override
    public Set<StatementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ISSUED);
            case ISSUED -> EnumSet.of(CONFIRMED, DISPUTED);
            case CONFIRMED, DISPUTED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(StatementStatus.class);
        };
    }

    @Override
    public String document() {
        return "Statement";
    }

    /** What a user does to a statement, by the status it leads to. */
    public enum Action {
        ISSUE(ISSUED),
        CONFIRM(CONFIRMED),
        DISPUTE(DISPUTED),
        CLOSE(CLOSED);

        private final StatementStatus to;

        Action(StatementStatus to) {
            this.to = to;
        }

        public StatementStatus to() {
            return to;
        }
    }
}
