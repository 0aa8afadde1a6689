package org.openvmi.planning.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * QUEUED → RUNNING → DONE or FAILED; a QUEUED run may also fail (the queue was full, its instance stopped). DONE and
 * FAILED are final: a run failed meanwhile (for a stale heartbeat, say) is never finished after all, nor started
 * again. RUNNING → RUNNING is a phase change or a heartbeat. The repository writes a status only from the statuses
 * {@link #from} names, in the same UPDATE, so two instances never both move a run.
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** The statuses this one may move to; empty for a final status. */
    public Set<RunStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, FAILED);
            case RUNNING -> EnumSet.of(RUNNING, DONE, FAILED);
            case DONE, FAILED -> EnumSet.noneOf(RunStatus.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    public boolean canMoveTo(RunStatus to) {
        return next().contains(to);
    }

    /**
     * The names of the statuses from which {@code to} is reached, for the condition of the UPDATE that moves a run;
     * never empty. No status moves to QUEUED (only a run's insert writes it): asking for it is refused here, as an
     * empty list would be an {@code IN ()} that PostgreSQL rejects as a syntax error while H2 takes it as false.
     */
    public static List<String> from(RunStatus to) {
        List<String> from = Arrays.stream(values())
                .filter(s -> s.canMoveTo(to))
                .map(Enum::name)
                .toList();
        if (from.isEmpty()) {
            throw new IllegalArgumentException("no planning run moves to " + to + ": only its insert writes it");
        }
        return from;
    }
}
