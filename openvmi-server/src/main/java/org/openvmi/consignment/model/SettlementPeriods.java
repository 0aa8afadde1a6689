package org.openvmi.consignment.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Settlement periods of a cycle: WEEKLY runs Monday to Sunday, MONTHLY the calendar month, CUSTOM from day n of a
 * month to day n − 1 of the next. {@link #lastClosed} is the latest period that ended before {@code today}.
 */
public final class SettlementPeriods {

    public record Period(LocalDate from, LocalDate to) {}

    private SettlementPeriods() {}

    public static Period lastClosed(SettlementCycle cycle, Integer day, LocalDate today) {
        return switch (cycle) {
            case WEEKLY -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .minusWeeks(1);
                yield new Period(monday, monday.plusDays(6));
            }
            case MONTHLY -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new Period(first, first.withDayOfMonth(first.lengthOfMonth()));
            }
            case CUSTOM -> {
                int d = day == null ? 1 : Math.max(1, Math.min(28, day));
                LocalDate start = today.getDayOfMonth() >= d
                        ? today.withDayOfMonth(d).minusMonths(1)
                        : today.withDayOfMonth(d).minusMonths(2);
                yield new Period(start, start.plusMonths(1).minusDays(1));
            }
        };
    }
}
