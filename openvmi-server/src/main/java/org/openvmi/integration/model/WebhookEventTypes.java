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

    public static final String STOCK_CHANGED = "stock.changed";
    public static final String PURCHASE_ORDER_CONFIRMED = "purchase-order.confirmed";
    public static final String SHIPMENT_NOTICE_CREATED = "shipment-notice.created";
    public static final String OWNERSHIP_TRANSFERRED = "ownership.transferred";
    public static final String STATEMENT_ISSUED = "statement.issued";
    public static final String STATEMENT_CONFIRMED = "statement.confirmed";
    public static final String STATEMENT_DISPUTED = "statement.disputed";
    public static final String SUPPLIER_STOCK_REPORTED = "supplier-stock.reported";
    public static final String SUGGESTION_CREATED = "suggestion.created";
    public static final String RULE_FIRED = "rule.fired";

    /**
     * The test ping a webhook's owner sends from its page or {@code POST /api/v1/webhooks/{id}/test}: a delivery only,
     * not a business event (never in the outbox nor on the broker), so not one of {@link #ALL}.
     */
    public static final String TEST = "webhook.test";

    /** The version of every type's payload; a breaking change to a payload is a new version (ADR 0062). */
    public static final int VERSION = 1;

    public static final List<String> ALL = List.of(
            ALERT_RAISED,
            ALERT_RESOLVED,
            PURCHASE_ORDER_SENT,
            GOODS_RECEIVED,
            SUPPLY_OVERDUE,
            SUPPLY_OVERDUE_RESOLVED,
            PURCHASE_ORDER_LINE_CANCELLED,
            CHANNEL_PAUSED,
            CHANNEL_RESUMED,
            STOCK_CHANGED,
            PURCHASE_ORDER_CONFIRMED,
            SHIPMENT_NOTICE_CREATED,
            OWNERSHIP_TRANSFERRED,
            STATEMENT_ISSUED,
            STATEMENT_CONFIRMED,
            STATEMENT_DISPUTED,
            SUPPLIER_STOCK_REPORTED,
            SUGGESTION_CREATED,
            RULE_FIRED);

    /**
     * The types whose events belong to one supplier (they carry its id): the only ones a supplier's subscription may
     * ask for. Alerts, stock, channel and rule events are the buyer's; a suggestion belongs to the supplier it would
     * buy from (a transfer to nobody).
     */
    public static final List<String> SUPPLIER_OWNED = List.of(
            PURCHASE_ORDER_SENT,
            PURCHASE_ORDER_CONFIRMED,
            GOODS_RECEIVED,
            PURCHASE_ORDER_LINE_CANCELLED,
            SUPPLY_OVERDUE,
            SUPPLY_OVERDUE_RESOLVED,
            SHIPMENT_NOTICE_CREATED,
            OWNERSHIP_TRANSFERRED,
            STATEMENT_ISSUED,
            STATEMENT_CONFIRMED,
            STATEMENT_DISPUTED,
            SUPPLIER_STOCK_REPORTED,
            SUGGESTION_CREATED);

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
