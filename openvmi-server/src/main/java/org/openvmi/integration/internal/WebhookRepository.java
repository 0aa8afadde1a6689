package org.openvmi.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.integration.WebhookView;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.cluster.CacheVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions. */
@Repository
public class WebhookRepository {

    private final JdbcClient jdbc;
    private final CacheVersions cacheVersions;
    /** The active subscriptions, read for every event the outbox writes: kept until one changes (ADR 0067). */
    private final Supplier<List<Active>> active;

    WebhookRepository(JdbcClient jdbc, CacheVersions cacheVersions) {
        this.jdbc = jdbc;
        this.cacheVersions = cacheVersions;
        this.active = cacheVersions.cached(CacheVersions.WEBHOOK_SUBSCRIPTIONS, this::readActive);
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
        cacheVersions.bump(CacheVersions.WEBHOOK_SUBSCRIPTIONS);
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
        return jdbc.sql(SELECT + " WHERE w.id = :id AND w.deleted_at IS NULL AND " + scope.predicate("w.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, i) -> view(rs))
                .optional();
    }

    public List<WebhookView> findPage(int limit, long offset, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE w.deleted_at IS NULL AND " + scope.predicate("w.supplier_id")
                        + " ORDER BY w.id LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, i) -> view(rs))
                .list();
    }

    public long count(PartyScope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_subscription w WHERE w.deleted_at IS NULL AND "
                        + scope.predicate("w.supplier_id"))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(Long.class)
                .single();
    }

    public boolean setActive(long id, boolean active) {
        cacheVersions.bump(CacheVersions.WEBHOOK_SUBSCRIPTIONS);
        return jdbc.sql("UPDATE webhook_subscription SET active = :a WHERE id = :id AND deleted_at IS NULL")
                        .param("a", active)
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Deletes the subscription: it is switched off and marked deleted at once (gone from every list, no delivery is
     * queued or tried any more), while a POST of it already in flight still records its attempt on the rows; {@link
     * #purgeDeleted} removes them with the deliveries and their attempts later (ADR 0078).
     */
    public boolean delete(long id, Instant now) {
        cacheVersions.bump(CacheVersions.WEBHOOK_SUBSCRIPTIONS);
        return jdbc.sql("""
                UPDATE webhook_subscription SET active = FALSE, deleted_at = :now
                WHERE id = :id AND deleted_at IS NULL""").param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /**
     * Removes the subscriptions deleted before {@code before} with their deliveries and attempts (cascade); answers
     * how many.
     */
    public int purgeDeleted(Instant before) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE deleted_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    /** An active subscription: a supplier's ({@code supplierId} set) or the buyer's (null). */
    record Subscriber(long id, Long supplierId) {}

    private record Active(long id, List<String> eventTypes, Long supplierId) {}

    /**
     * Active subscriptions to an event type, from the cached list. A subscription deactivated or deleted on another
     * instance may still be listed until that instance's change is polled; the delivery insert checks that it is
     * active ({@link DeliveryRepository#enqueue}), so no delivery is queued for it.
     */
    List<Subscriber> subscribers(String eventType) {
        return active.get().stream()
                .filter(a -> a.eventTypes().contains(eventType))
                .map(a -> new Subscriber(a.id(), a.supplierId()))
                .toList();
    }

    private List<Active> readActive() {
        return jdbc.sql("SELECT id, event_types, supplier_id FROM webhook_subscription WHERE active = TRUE ORDER BY id")
                .query((rs, i) -> new Active(
                        rs.getLong("id"), types(rs.getString("event_types")), rs.getObject("supplier_id", Long.class)))
                .list();
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
