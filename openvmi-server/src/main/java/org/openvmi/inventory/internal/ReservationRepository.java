package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.inventory.ReservationView;
import org.openvmi.inventory.model.Reservation;
import org.openvmi.inventory.model.ReservationStatus;
import org.openvmi.inventory.model.StockKey;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reservations; the reserved quantity itself lives in the balance (see BalanceRepository.reserve/release). */
@Repository
public class ReservationRepository {

    /** The reservation list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "r.id DESC",
            "r.id",
            "id",
            "r.id",
            "status",
            "r.status",
            "item",
            CatalogRefs.itemCode("r.item_id"),
            "location",
            CatalogRefs.locationCode("r.location_id"),
            "qty",
            "r.qty",
            "reference",
            "r.reference",
            "expires",
            "r.expires_at",
            "createdby",
            "r.created_by",
            "due",
            "r.due_on");

    /** A reservation with the balance it holds stock in. */
    public record Loaded(Reservation reservation, long balanceId) {}

    /** The reservation's own columns; item, location and warehouse codes come from catalog (ADR 0052). */
    private static final String VIEW = "SELECT r.* FROM stock_reservation r";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final CatalogRefs catalog;

    ReservationRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.template = template;
        this.catalog = catalog;
    }

    /** One reservation of {@link #insertAll}: the balance row it holds stock in and that row's key. */
    public record NewHold(long balanceId, StockKey key, BigDecimal qty) {}

    /**
     * Inserts ACTIVE reservations without expiry or due date as one JDBC batch (one round trip however many) and
     * returns their ids in list order.
     */
    public long[] insertAll(List<NewHold> holds, String reference, String user, Instant now) {
        Timestamp at = Timestamp.from(now);
        KeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(
                con -> con.prepareStatement("""
                        INSERT INTO stock_reservation (balance_id, item_id, location_id, owner, lot, qty, status,
                                                       reference, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""", new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                        NewHold h = holds.get(i);
                        ps.setLong(1, h.balanceId());
                        ps.setLong(2, h.key().itemId());
                        ps.setLong(3, h.key().locationId());
                        ps.setString(4, h.key().owner());
                        ps.setString(5, h.key().lot());
                        ps.setBigDecimal(6, h.qty());
                        ps.setString(7, reference);
                        ps.setString(8, user);
                        ps.setTimestamp(9, at);
                    }

                    @Override
                    public int getBatchSize() {
                        return holds.size();
                    }
                },
                keys);
        List<Map<String, Object>> rows = keys.getKeyList();
        if (rows.size() != holds.size()) {
            throw new IllegalStateException("expected " + holds.size() + " reservation ids, got " + rows.size());
        }
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            Map<String, Object> row = rows.get(i);
            // the driver names the key column "id" (PostgreSQL) or "ID" (H2)
            Object id = row.size() == 1 ? row.values().iterator().next() : row.get("id");
            ids[i] = ((Number) id).longValue();
        }
        return ids;
    }

    public long insert(
            long balanceId,
            StockKey key,
            BigDecimal qty,
            String reference,
            Instant expiresAt,
            LocalDate dueOn,
            String user,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO stock_reservation (balance_id, item_id, location_id, owner, lot, qty, status, reference,
                                               expires_at, due_on, created_by, created_at)
                VALUES (:b, :item, :loc, :owner, :lot, :qty, 'ACTIVE', :ref, :expires, :due, :user, :now)""")
                .param("b", balanceId)
                .param("item", key.itemId())
                .param("loc", key.locationId())
                .param("owner", key.owner())
                .param("lot", key.lot())
                .param("qty", qty)
                .param("ref", reference)
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .param("due", dueOn)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Loaded> load(long id) {
        return jdbc.sql("SELECT id, qty, expires_at, status, balance_id FROM stock_reservation WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Loaded(
                        new Reservation(
                                rs.getLong(1),
                                rs.getBigDecimal(2),
                                instant(rs, "expires_at"),
                                ReservationStatus.valueOf(rs.getString(4))),
                        rs.getLong(5)))
                .optional();
    }

    /** Ends an ACTIVE reservation; false when it was no longer active (released or expired meanwhile). */
    public boolean finish(Reservation r, String user, Instant now) {
        return jdbc.sql("""
                UPDATE stock_reservation SET status = :status, released_by = :user, released_at = :now
                WHERE id = :id AND status = 'ACTIVE'""")
                        .param("status", r.status().name())
                        .param("user", user)
                        .param("now", Timestamp.from(now))
                        .param("id", r.id())
                        .update()
                == 1;
    }

    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM stock_reservation WHERE status = 'ACTIVE' AND expires_at <= :now
                ORDER BY expires_at LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    public Optional<ReservationView> view(long id) {
        return jdbc.sql(VIEW + " WHERE r.id = :id")
                .param("id", id)
                .query(ReservationRepository::row)
                .optional()
                .map(r -> withCodes(List.of(r)).get(0));
    }

    public PageResult<ReservationView> find(String status, String item, String location, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("1=1"));
        Map<String, Object> params = new HashMap<>();
        add(where, params, status, "r.status = :status", "status");
        add(where, params, item, CatalogRefs.itemCodeIs("r.item_id", "item"), "item");
        add(where, params, location, CatalogRefs.locationCodeIs("r.location_id", "location"), "location");
        String filter = " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + VIEW + filter + ") x")
                .params(params)
                .query(Long.class)
                .single();
        List<ReservationView> rows =
                withCodes(jdbc.sql(VIEW + filter + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                        .params(params)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(ReservationRepository::row)
                        .list());
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static void add(
            List<String> where, Map<String, Object> params, String value, String predicate, String name) {
        if (value != null && !value.isBlank()) {
            where.add(predicate);
            params.put(name, value.trim());
        }
    }

    /** A reservation before catalog's codes. */
    private record Row(long itemId, long locationId, ReservationView view) {}

    /** The rows with item code and name, warehouse and location codes: one catalog query per kind. */
    private List<ReservationView> withCodes(List<Row> rows) {
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(Row::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(Row::locationId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    ReservationView v = r.view();
                    ItemRef item = items.get(r.itemId());
                    LocationRef location = locations.get(r.locationId());
                    return new ReservationView(
                            v.id(),
                            v.status(),
                            item.code(),
                            item.name(),
                            location.warehouse(),
                            location.code(),
                            v.owner(),
                            v.lot(),
                            v.qty(),
                            v.reference(),
                            v.expiresAt(),
                            v.createdBy(),
                            v.createdAt(),
                            v.releasedBy(),
                            v.releasedAt(),
                            v.dueOn());
                })
                .toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String lot = rs.getString("lot");
        return new Row(
                rs.getLong("item_id"),
                rs.getLong("location_id"),
                new ReservationView(
                        rs.getLong("id"),
                        rs.getString("status"),
                        null,
                        null,
                        null,
                        null,
                        rs.getString("owner"),
                        lot == null || lot.isEmpty() ? null : lot,
                        Decimals.plain(rs.getBigDecimal("qty")),
                        rs.getString("reference"),
                        instant(rs, "expires_at"),
                        rs.getString("created_by"),
                        instant(rs, "created_at"),
                        rs.getString("released_by"),
                        instant(rs, "released_at"),
                        rs.getObject("due_on", LocalDate.class)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
