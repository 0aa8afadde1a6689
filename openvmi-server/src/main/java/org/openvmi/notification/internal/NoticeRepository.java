package org.openvmi.notification.internal;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.notification.model.AlertNotice;
import org.openvmi.stockpolicy.AlertType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each alert was about when it was raised, so that its resolution reaches the same people. */
@Repository
class NoticeRepository {

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Idempotent: an event handled twice keeps the first record. ON CONFLICT rather than NOT EXISTS: a raise and the
     * escalation of the same alert (two postings in a row) are handled by two listeners at once, and on PostgreSQL
     * the second insert would otherwise fail on the key and lose that batch's mails until the registry retries.
     */
    void remember(AlertNotice n) {
        jdbc.sql("""
                INSERT INTO notification_alert (alert_id, alert_type, item, item_name, unit, warehouse, supplier_ids, raised_at)
                VALUES (:id, :type, :item, :name, :unit, :wh, :sup, :at)
                ON CONFLICT DO NOTHING""")
                .param("id", n.alertId())
                .param("type", n.type().name())
                .param("item", n.item())
                .param("name", n.itemName())
                .param("unit", n.unit())
                .param("wh", n.warehouse())
                .param(
                        "sup",
                        n.supplierIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
                .param("at", Timestamp.from(n.at()))
                .update();
    }

    record Raised(AlertType type, String item, String itemName, String unit, String warehouse, Set<Long> supplierIds) {}

    Optional<Raised> find(long alertId) {
        return jdbc.sql("SELECT * FROM notification_alert WHERE alert_id = :id")
                .param("id", alertId)
                .query((rs, i) -> new Raised(
                        AlertType.valueOf(rs.getString("alert_type")),
                        rs.getString("item"),
                        rs.getString("item_name"),
                        rs.getString("unit"),
                        rs.getString("warehouse"),
                        ids(rs.getString("supplier_ids"))))
                .optional();
    }

    private static Set<Long> ids(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }
}
