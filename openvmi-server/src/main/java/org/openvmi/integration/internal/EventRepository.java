package org.openvmi.integration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openvmi.integration.model.OutboundEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The event outbox (event_outbox) and the publisher's lease. */
@Repository
class EventRepository {

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes an event unless its fact was written before; true when written. A row written with the broker off is
     * settled at once, at the database's time: {@code now} may be pinned in the past (the demo), and the purge must
     * not take the row before its retention is over.
     */
    boolean insert(
            String eventId,
            OutboundEvent e,
            int version,
            Long supplierId,
            String envelope,
            String brokerStatus,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO event_outbox (event_id, event_type, version, dedup_key, event_key, supplier_id, occurred_at,
                                          envelope, broker_status, broker_attempts, created_at, settled_at)
                SELECT :id, :type, :version, :dedup, :key, :supplier, :occurred, :envelope, :status, 0, :now,
                       CASE WHEN :status = 'OFF' THEN CURRENT_TIMESTAMP END
                WHERE NOT EXISTS (SELECT 1 FROM event_outbox WHERE dedup_key = :dedup)""")
                        .param("id", eventId)
                        .param("type", e.type())
                        .param("version", version)
                        .param("dedup", e.dedupKey())
                        .param("key", e.key())
                        .param("supplier", supplierId)
                        .param("occurred", Timestamp.from(e.occurredAt()))
                        .param("envelope", envelope)
                        .param("status", brokerStatus)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    record Pending(long id, String eventId, String type, int version, String key, String envelope) {}

    /** Events still to publish, oldest first. */
    List<Pending> pending(int limit) {
        return jdbc.sql("""
                SELECT id, event_id, event_type, version, event_key, envelope FROM event_outbox
                WHERE broker_status = 'PENDING' ORDER BY id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, i) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getInt("version"),
                        rs.getString("event_key"),
                        rs.getString("envelope")))
                .list();
    }

    void published(long id, Instant at) {
        jdbc.sql("""
                UPDATE event_outbox SET broker_status = 'PUBLISHED', published_at = :at, settled_at = :at,
                       broker_attempts = broker_attempts + 1, broker_error = NULL
                WHERE id = :id AND broker_status = 'PENDING'""").param("at", Timestamp.from(at)).param("id", id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("""
                UPDATE event_outbox SET broker_attempts = broker_attempts + 1, broker_error = :error
                WHERE id = :id AND broker_status = 'PENDING'""")
                .param("error", error.length() <= 1000 ? error : error.substring(0, 1000))
                .param("id", id)
                .update();
    }

    /** Takes the publisher's lease until {@code until}; false while another instance holds it. */
    boolean lease(String holder, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE event_publisher_lease SET holder = :holder, locked_until = :until
                WHERE id = 1 AND (locked_until < :now OR holder = :holder)""")
                        .param("holder", holder)
                        .param("until", Timestamp.from(until))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void release(String holder) {
        jdbc.sql("""
                UPDATE event_publisher_lease SET holder = NULL, locked_until = TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00'
                WHERE id = 1 AND holder = :holder""").param("holder", holder).update();
    }

    /**
     * Forgets events settled (published, or written with the broker off) before {@code before}, by when they were
     * settled, never by {@code created_at} (back-dated by the demo); a row still pending for the broker, or with a
     * webhook delivery not delivered (pending, or a dead letter that may be replayed), stays.
     */
    int purge(Instant before) {
        return jdbc.sql("""
                DELETE FROM event_outbox
                WHERE broker_status <> 'PENDING' AND settled_at < :before
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                                  WHERE d.event_id = event_outbox.event_id AND d.status <> 'DELIVERED')""").param("before", Timestamp.from(before)).update();
    }
}
