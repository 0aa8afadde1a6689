package org.openvmi.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How often a rule would have fired over the last {@code days} days ({@code from} … {@code to}, evaluated once per
 * day on the subjects as they stood at the end of it): {@code firings} subject-days in all, on {@code daysFiring}
 * days; per day, per subject (most firing days first) and per action what it would have created. Nothing is
 * written. {@code error} when the rule failed (the counts then cover the days before).
 */
public record BacktestView(
        long rule,
        int days,
        LocalDate from,
        LocalDate to,
        int subjects,
        int firings,
        int daysFiring,
        long millis,
        String error,
        List<Day> perDay,
        List<SubjectCount> perSubject,
        List<ActionCount> actions) {

    /** One day and how many subjects fired on it. */
    public record Day(LocalDate day, int fired) {}

    /** One subject that fired: on how many days, the first and the last. */
    public record SubjectCount(String item, String warehouse, int days, LocalDate first, LocalDate last) {}

    /**
     * What one action would have created: alerts one per subject and day; purchase suggestions one per subject and
     * day with a quantity of at least one unit ({@code quantity} their sum); clearance tasks one per subject (a task
     * stays open until someone closes it).
     */
    public record ActionCount(String type, int count, BigDecimal quantity) {}
}
