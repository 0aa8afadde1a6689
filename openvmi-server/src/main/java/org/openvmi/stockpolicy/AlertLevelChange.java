package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of an alert's history: raised at a level ({@code previous} null) or moved from one level to another.
 * {@code clearedAcknowledgement} is the acknowledgement an escalation took off the alert when it reopened it (null
 * otherwise): the alert shows no acknowledgement of a milder level, its history keeps it.
 */
public record AlertLevelChange(
        AlertType level,
        AlertType previous,
        BigDecimal stock,
        BigDecimal line,
        Instant at,
        Acknowledgement clearedAcknowledgement) {

    /** Who acknowledged, when, with what comment. */
    public record Acknowledgement(Instant at, String by, String comment) {}

    public AlertLevelChange(AlertType level, AlertType previous, BigDecimal stock, BigDecimal line, Instant at) {
        this(level, previous, stock, line, at, null);
    }

    /** True when the level went up (or the alert was raised): what notifies people. */
    public boolean escalation() {
        return previous == null || level.severity() > previous.severity();
    }
}
