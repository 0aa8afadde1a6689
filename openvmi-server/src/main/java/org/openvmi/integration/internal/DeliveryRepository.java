package org.openvmi.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openvmi.integration.DeliveryView;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery outbox and its attempt log. */
@Repository
public class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues an event for a subscription unless it was queued for it before. */
    /**
     * Queues a delivery of an event unless the subscription has it already; {@code orderKey} is the event's ordering
     * key (null: not ordered, e.g. a test ping).
     */
    void enqueue(
            long subscriptionId,
            String eventType,
            String eventKey,
            String orderKey,
            String eventId,
            String payload,
            Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (delivery_uid, subscription_id, event_type, event_key, order_key, event_id,
                                              payload, status, attempts, next_attempt_at, created_at)
                SELECT :uid, :sub, :type, :key, :order, :eventId, :payload, 'PENDING', 0, :now, :now
                WHERE NOT EXISTS (SELECT 1 FROM webhook_delivery WHERE subscription_id = :sub AND event_key = :key)
                  AND EXISTS (SELECT 1 FROM webhook_subscription WHERE id = :sub AND active = TRUE)""")
                .param("uid", UUID.randomUUID().toString())
                .param("sub", subscriptionId)
                .param("type", eventType)
                .param("key", eventKey)
                .param("order", orderKey)
                .param("eventId", eventId)
                .param("payload", payload)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Queues a test ping (not an event of the outbox, not ordered) and answers its delivery's id. */
    public long queueTest(long subscriptionId, String eventId, String payload, Instant now) {
        String uid = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO webhook_delivery (delivery_uid, subscription_id, event_type, event_key, event_id, payload,
                                              status, attempts, next_attempt_at, created_at)
                VALUES (:uid, :sub, :type, :key, :eventId, :payload, 'PENDING', 0, :now, :now)""")
                .param("uid", uid)
                .param("sub", subscriptionId)
                .param("type", WebhookEventTypes.TEST)
                .param("key", WebhookEventTypes.TEST + ":" + eventId)
                .param("eventId", eventId)
                .param("payload", payload)
                .param("now", Timestamp.from(now))
                .update();
        return idOf(subscriptionId, uid).orElseThrow();
    }

    /** A delivery to try; {@code roundAttempts} counts the tries since it was queued or last redelivered. */
    record Due(
            long id,
            String uid,
            String eventType,
            String eventId,
            String payload,
            int roundAttempts,
            Instant nextAttemptAt,
            String url,
            String secret,
            long subscriptionId,
            String orderKey) {}

    /**
     * Deliveries to try now, in the order they were queued. Per key (subscription and ordering key) a delivery is left
     * out while an earlier one of its key is pending and not due (waiting for its backoff, or taken by another
     * instance): a failed delivery holds the later ones of its key until it is delivered or dead-lettered (FAILED).
     * An earlier one that is due comes first in the same answer; the dispatcher stops a key at its first failure.
     */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT d.id, d.delivery_uid, d.event_type, d.event_id, d.payload, d.attempts - d.round_start AS round_attempts,
                       d.next_attempt_at, s.url, s.secret, d.subscription_id, d.order_key
                FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND s.active = TRUE
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                  WHERE p.subscription_id = d.subscription_id AND p.order_key = d.order_key
                                    AND p.status = 'PENDING' AND p.id < d.id AND p.next_attempt_at > :now)
                ORDER BY d.id LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, i) -> new Due(
                        rs.getLong("id"),
                        rs.getString("delivery_uid"),
                        rs.getString("event_type"),
                        rs.getString("event_id"),
                        rs.getString("payload"),
                        rs.getInt("round_attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getString("url"),
                        rs.getString("secret"),
                        rs.getLong("subscription_id"),
                        rs.getString("order_key")))
                .list();
    }

    /** Takes a due delivery until {@code leaseUntil}; false when another instance took it first. */
    boolean claim(long id, Instant seen, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET next_attempt_at = :lease
                WHERE id = :id AND status = 'PENDING' AND next_attempt_at = :seen""")
                        .param("lease", Timestamp.from(leaseUntil))
                        .param("id", id)
                        .param("seen", Timestamp.from(seen))
                        .update()
                == 1;
    }

    /**
     * Logs an attempt and moves the delivery on: DELIVERED, PENDING until {@code next}, or FAILED. A failed attempt
     * has its error's category ({@link WebhookErrors}) besides its English text.
     */
    void recordAttempt(
            long id,
            Instant at,
            long durationMs,
            Integer statusCode,
            String errorCode,
            String error,
            String status,
            Instant next) {
        jdbc.sql("""
                INSERT INTO webhook_attempt (delivery_id, attempt_no, attempted_at, duration_ms, status_code, error,
                                             error_code)
                VALUES (:id, (SELECT COALESCE(MAX(attempt_no), 0) + 1 FROM webhook_attempt WHERE delivery_id = :id),
                        :at, :ms, :code, :error, :errorCode)""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("ms", durationMs)
                .param("code", statusCode)
                .param("error", error)
                .param("errorCode", errorCode)
                .update();
        jdbc.sql("""
                UPDATE webhook_delivery SET attempts = attempts + 1, status = :status, last_status_code = :code,
                       last_error = :error, last_error_code = :errorCode, next_attempt_at = :next,
                       delivered_at = CASE WHEN :status = 'DELIVERED' THEN :at ELSE delivered_at END
                WHERE id = :id""")
                .param("status", status)
                .param("code", statusCode)
                .param("error", error)
                .param("errorCode", errorCode)
                .param("next", Timestamp.from(next))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /**
     * A FAILED delivery is overtaken when a later delivery of its key to the same webhook was delivered already: sent
     * again, it would reach the receiver after that later event (ADR 0078).
     */
    private static final String OVERTAKEN = """
            (d.status = 'FAILED' AND d.order_key IS NOT NULL
             AND EXISTS (SELECT 1 FROM webhook_delivery l
                         WHERE l.subscription_id = d.subscription_id AND l.order_key = d.order_key
                           AND l.id > d.id AND l.status = 'DELIVERED'))""";

    /** The deliveries with whether each is overtaken. */
    private static final String SELECT =
            "SELECT d.*, CASE WHEN " + OVERTAKEN + " THEN 1 ELSE 0 END AS overtaken FROM webhook_delivery d";

    /**
     * Sends a delivery again with a full round of attempts; {@code attempts} and the attempt log go on counting every
     * try.
     */
    public boolean redeliver(long subscriptionId, long deliveryId, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET status = 'PENDING', round_start = attempts, next_attempt_at = :now
                WHERE id = :id AND subscription_id = :sub""")
                        .param("now", Timestamp.from(now))
                        .param("id", deliveryId)
                        .param("sub", subscriptionId)
                        .update()
                == 1;
    }

    /**
     * Sends the FAILED deliveries (the dead letters) of a subscription again, each with a fresh round of attempts;
     * they go in the order they were queued, ahead of the later pending deliveries of their keys. The overtaken ones
     * (see {@link #OVERTAKEN}) stay FAILED unless {@code outOfOrder}; answers how many were sent again.
     */
    public int redeliverFailed(long subscriptionId, boolean outOfOrder, Instant now) {
        return jdbc.sql(
                        "UPDATE webhook_delivery d SET status = 'PENDING', round_start = attempts, next_attempt_at = :now"
                                + " WHERE d.subscription_id = :sub AND d.status = 'FAILED'"
                                + (outOfOrder ? "" : " AND NOT " + OVERTAKEN))
                .param("now", Timestamp.from(now))
                .param("sub", subscriptionId)
                .update();
    }

    /** How many dead letters of a subscription are overtaken. */
    public int countOvertaken(long subscriptionId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery d WHERE d.subscription_id = :sub AND " + OVERTAKEN)
                .param("sub", subscriptionId)
                .query(Integer.class)
                .single();
    }

    /** Dead letters: FAILED deliveries of the given subscriptions, newest first. */
    public List<DeliveryView> failed(List<Long> subscriptionIds, int limit) {
        if (subscriptionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                %s WHERE d.status = 'FAILED' AND d.subscription_id IN (:subs)
                ORDER BY d.id DESC LIMIT :limit""".formatted(SELECT))
                .param("subs", subscriptionIds)
                .param("limit", limit)
                .query((rs, i) -> view(rs, List.of()))
                .list();
    }

    /** The delivery list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "id DESC",
            "id",
            "event",
            "event_type",
            "status",
            "status",
            "attempts",
            "attempts",
            "created",
            "created_at");

    public List<DeliveryView> findPage(long subscriptionId, String status, PageRequest page) {
        List<DeliveryView> rows = jdbc.sql(SELECT + " WHERE d.subscription_id = :sub AND " + statusFilter(status)
                        + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .param("sub", subscriptionId)
                .param("status", String.valueOf(status))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, i) -> view(rs, List.of()))
                .list();
        return rows.stream().map(d -> withAttempts(d, attempts(d.id()))).toList();
    }

    public long count(long subscriptionId, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery d WHERE d.subscription_id = :sub AND "
                        + statusFilter(status))
                .param("sub", subscriptionId)
                .param("status", String.valueOf(status))
                .query(Long.class)
                .single();
    }

    public Optional<DeliveryView> find(long subscriptionId, long deliveryId) {
        return jdbc.sql(SELECT + " WHERE d.id = :id AND d.subscription_id = :sub")
                .param("id", deliveryId)
                .param("sub", subscriptionId)
                .query((rs, i) -> view(rs, List.of()))
                .optional()
                .map(d -> withAttempts(d, attempts(d.id())));
    }

    /** The row id of the delivery that receivers know by {@code X-OpenVMI-Delivery}. */
    public Optional<Long> idOf(long subscriptionId, String deliveryUid) {
        return jdbc.sql("SELECT id FROM webhook_delivery WHERE delivery_uid = :uid AND subscription_id = :sub")
                .param("uid", deliveryUid)
                .param("sub", subscriptionId)
                .query(Long.class)
                .optional();
    }

    private List<DeliveryView.Attempt> attempts(long deliveryId) {
        return jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id = :id ORDER BY attempt_no")
                .param("id", deliveryId)
                .query((rs, i) -> new DeliveryView.Attempt(
                        rs.getInt("attempt_no"),
                        rs.getTimestamp("attempted_at").toInstant(),
                        rs.getLong("duration_ms"),
                        (Integer) rs.getObject("status_code", Integer.class),
                        rs.getString("error"),
                        rs.getString("error_code")))
                .list();
    }

    private static String statusFilter(String status) {
        return status == null ? "(1 = 1 OR d.status = :status)" : "d.status = :status";
    }

    private static DeliveryView withAttempts(DeliveryView d, List<DeliveryView.Attempt> attempts) {
        return new DeliveryView(
                d.id(),
                d.deliveryId(),
                d.webhookId(),
                d.eventType(),
                d.eventKey(),
                d.status(),
                d.attempts(),
                d.lastStatusCode(),
                d.lastError(),
                d.lastErrorCode(),
                d.createdAt(),
                d.nextAttemptAt(),
                d.deliveredAt(),
                d.payload(),
                d.overtaken(),
                attempts);
    }

    private static DeliveryView view(ResultSet rs, List<DeliveryView.Attempt> attempts) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new DeliveryView(
                rs.getLong("id"),
                rs.getString("delivery_uid"),
                rs.getLong("subscription_id"),
                rs.getString("event_type"),
                rs.getString("event_key"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getObject("last_status_code", Integer.class),
                rs.getString("last_error"),
                rs.getString("last_error_code"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(),
                delivered == null ? null : delivered.toInstant(),
                rs.getString("payload"),
                rs.getInt("overtaken") == 1,
                attempts);
    }
}
