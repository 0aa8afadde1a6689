package org.openvmi.integration.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a webhook can subscribe to, named "area.what-happened". Adding an event: add its name here and a
 * listener that turns the domain event into a {@link WebhookEvent}; subscriptions, outbox and dispatcher stay as
 * they are.
 */
public final class WebhookEventTypes {

    public static final String ALERT_RAISED = "alert.raised";
    public static final String ALERT_RESOLVED = "alert.resolved";
    public static final String PURCHASE_ORDER_SENT = "purchase-order.sent";
    public static final String GOODS_RECEIVED = "purchase-order.received";
    public static final String SUPPLY_OVERDUE = "supply.overdue";
    public static final String SUPPLY_OVERDUE_RESOLVED = "supply.overdue.resolved";
    public static final String PURCHASE_ORDER_LINE_CANCELLED = "purchase-order.line-cancelled";

    public static final String CHANNEL_PAUSED = "channel.paused";
    public static final String CHANNEL_RESUMED = "channel.resumed";

    public static final List<String> ALL = List.of(
            ALERT_RAISED,
            ALERT_RESOLVED,
            PURCHASE_ORDER_SENT,
            GOODS_RECEIVED,
            SUPPLY_OVERDUE,
            SUPPLY_OVERDUE_RESOLVED,
            PURCHASE_ORDER_LINE_CANCELLED,
            CHANNEL_PAUSED,
            CHANNEL_RESUMED);

    private WebhookEventTypes() {}

    /** The unknown names among the given ones (empty when all are known). */
    public static Set<String> unknown(Iterable<String> types) {
        Set<String> unknown = new TreeSet<>();
        types.forEach(t -> {
            if (!ALL.contains(t)) {
                unknown.add(t);
            }
        });
        return unknown;
    }
}
