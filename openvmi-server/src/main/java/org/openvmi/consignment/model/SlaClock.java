package org.openvmi.consignment.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Hours between two instants, to the hundredth, never negative (late hours, stockout hours). */
public final class SlaClock {

    private SlaClock() {}

    public static BigDecimal hoursLate(Instant due, Instant at) {
        return hours(due, at);
    }

    public static BigDecimal hours(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(Duration.between(from, to).toSeconds())
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }
}
