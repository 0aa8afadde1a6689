package org.openvmi.rules.model;

import java.util.List;

/**
 * When a rule runs: on a cron schedule (six fields, Spring's syntax: second minute hour day month weekday) — the
 * only kind evaluated today. Events (movement posted, supplier stock reported …) are named here already so that
 * stored rules need no migration when they come: {@code events} is kept, not yet acted on.
 */
public record Trigger(String cron, List<String> events) {

    public static final String DAILY_6AM = "0 0 6 * * *";

    public Trigger {
        cron = cron == null || cron.isBlank() ? null : cron.trim();
        events = events == null ? List.of() : List.copyOf(events);
    }
}
