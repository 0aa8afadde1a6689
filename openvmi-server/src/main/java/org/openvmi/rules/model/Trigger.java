package org.openvmi.rules.model;

import java.util.List;
import java.util.Locale;

/**
 * When a rule runs: on a cron schedule (six fields, Spring's syntax: second minute hour day month weekday), on
 * events (only the subjects the event touched are evaluated, see {@link Event}), or both. A rule needs at least one
 * of the two.
 */
public record Trigger(String cron, List<String> events) {

    public static final String DAILY_6AM = "0 0 6 * * *";

    /** What a rule can be triggered by; the subjects evaluated are those the event names. */
    public enum Event {
        /** A stock posting committed: its item × warehouses. */
        MOVEMENT_POSTED,
        /** A supplier reported its available stock: the reported items at every warehouse. */
        SUPPLIER_STOCK_REPORTED,
        /** A purchase order was sent, confirmed, changed, cancelled or closed (an ASN received posts a movement). */
        PURCHASE_ORDER_CHANGED,
        /** A planning run finished: the item × warehouses it planned. */
        PLANNING_RUN_FINISHED,
        /** A stock alert was raised (not a rule's own alert): its item × warehouse. */
        ALERT_RAISED,
        /** A supplier created a shipment notice (ASN): its items at its purchase order's warehouse. */
        SHIPMENT_NOTICE_CREATED;

        public static Event parse(String name) {
            if (name == null) {
                return null;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    public Trigger {
        cron = cron == null || cron.isBlank() ? null : cron.trim();
        events = events == null
                ? List.of()
                : events.stream()
                        .filter(e -> e != null && !e.isBlank())
                        .map(e -> Event.parse(e) == null
                                ? e.trim()
                                : Event.parse(e).name())
                        .distinct()
                        .toList();
    }

    /** Whether the rule runs on this event. */
    public boolean on(Event event) {
        return events.contains(event.name());
    }
}
