package org.openvmi.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.integration.WebhookView;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions. */
@Repository
public class WebhookRepository {

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String url,
            String secret,
            List<String> eventTypes,
            boolean active,
            String description,
            Long supplierId,
            Instant now,
            String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO webhook_subscription (url, secret, event_types, active, description, supplier_id,
                                                  created_at, created_by)
                VALUES (:url, :secret, :types, :active, :d, :supplier, :now, :by)""")
                .param("url", url)
                .param("secret", secret)
                .param("types", String.join(",", eventTypes))
                .param("active", active)
                .param("d", description)
                .param("supplier", supplierId)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String SELECT = "SELECT w.*, " + CatalogRefs.supplierCode("w.supplier_id")
            + " AS supplier_code FROM webhook_subscription w";

    /** The subscription, if the scope sees it (a supplier sees its own subscriptions only). */
    public Optional<WebhookView> find(long id, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE w.id = :id AND " + scope.predicate("w.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, i) -> view(rs))
                .optional();
    }

    public List<WebhookView> findPage(int limit, long offset, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE " + scope.predicate("w.supplier_id")
                        + " ORDER BY w.id LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, i) -> view(rs))
                .list();
    }

    public long count(PartyScope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_subscription w WHERE " + scope.predicate("w.supplier_id"))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(Long.class)
                .single();
    }

    public boolean setActive(long id, boolean active) {
        return jdbc.sql("UPDATE webhook_subscription SET active = :a WHERE id = :id")
                        .param("a", active)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Deletes the subscription with its deliveries and their attempts. */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** An active subscription: a supplier's ({@code supplierId} set) or the buyer's (null). */
    record Subscriber(long id, Long supplierId) {}

    /** Active subscriptions to an event type. */
    List<Subscriber> subscribers(String eventType) {
        return jdbc
                .sql("SELECT id, event_types, supplier_id FROM webhook_subscription WHERE active = TRUE ORDER BY id")
                .query((rs, i) -> types(rs.getString("event_types")).contains(eventType)
                        ? new Subscriber(rs.getLong("id"), rs.getObject("supplier_id", Long.class))
                        : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static WebhookView view(ResultSet rs) throws SQLException {
        return new WebhookView(
                rs.getLong("id"),
                rs.getString("url"),
                types(rs.getString("event_types")),
                rs.getBoolean("active"),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getString("supplier_code"));
    }

    private static List<String> types(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
