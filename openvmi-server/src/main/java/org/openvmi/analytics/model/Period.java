package org.openvmi.analytics.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Inclusive days {@code from..to}; the previous period is as long and ends the day before. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
