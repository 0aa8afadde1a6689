package org.openvmi.stockpolicy;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of an alert's history: raised at a level ({@code previous} null) or moved from one level to another. */
public record AlertLevelChange(AlertType level, AlertType previous, BigDecimal stock, BigDecimal line, Instant at) {

    /** True when the level went up (or the alert was raised): what notifies people. */
    public boolean escalation() {
        return previous == null || level.severity() > previous.severity();
    }
}
