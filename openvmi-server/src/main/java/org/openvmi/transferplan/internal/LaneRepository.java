package org.openvmi.transferplan.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.NamedRef;
import org.openvmi.transferplan.TransferLaneView;
import org.openvmi.transferplan.model.Lane;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lane table: one row per (from, to) warehouse pair. Warehouse codes come from catalog's {@link CatalogRefs}, one
 * batched query per list (ADR 0052: this SQL names only transferplan's tables).
 */
@Repository
public class LaneRepository {

    private static final String SELECT = "SELECT * FROM transfer_lane";

    /** A lane row before its warehouse codes are filled in. */
    private record Row(
            long id,
            long fromId,
            long toId,
            BigDecimal costPerUnit,
            int transitDays,
            int version,
            Instant updatedAt,
            String updatedBy) {}

    private final JdbcClient jdbc;
    private final CatalogRefs refs;

    LaneRepository(JdbcClient jdbc, CatalogRefs refs) {
        this.jdbc = jdbc;
        this.refs = refs;
    }

    /** Every lane, by from and then to warehouse code (a lane table is one row per warehouse pair: sorted in Java). */
    public List<TransferLaneView> list() {
        return views(jdbc.sql(SELECT).query(LaneRepository::row).list()).stream()
                .sorted(Comparator.comparing(TransferLaneView::from).thenComparing(TransferLaneView::to))
                .toList();
    }

    public Optional<TransferLaneView> find(long id) {
        return views(jdbc.sql(SELECT + " WHERE id = :id")
                        .param("id", id)
                        .query(LaneRepository::row)
                        .list())
                .stream()
                .findFirst();
    }

    public boolean exists(long from, long to) {
        return jdbc.sql("SELECT COUNT(*) FROM transfer_lane WHERE from_warehouse_id = :f AND to_warehouse_id = :t")
                        .param("f", from)
                        .param("t", to)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Every lane by (from, to) warehouse ids. */
    public Map<Long, Map<Long, Lane>> lanes() {
        Map<Long, Map<Long, Lane>> lanes = new HashMap<>();
        jdbc.sql("SELECT from_warehouse_id, to_warehouse_id, cost_per_unit, transit_days FROM transfer_lane")
                .query(rs -> {
                    Lane lane = new Lane(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getInt(4));
                    lanes.computeIfAbsent(lane.fromWarehouseId(), k -> new HashMap<>())
                            .put(lane.toWarehouseId(), lane);
                });
        return lanes;
    }

    public long insert(long from, long to, BigDecimal cost, int transitDays, String user, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO transfer_lane (from_warehouse_id, to_warehouse_id, cost_per_unit, transit_days, updated_at, updated_by)
                VALUES (:f, :t, :c, :d, :now, :u)""")
                .param("f", from)
                .param("t", to)
                .param("c", cost)
                .param("d", transitDays)
                .param("now", Timestamp.from(now))
                .param("u", user)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Optimistic: false when the version moved on. */
    public boolean update(long id, BigDecimal cost, int transitDays, int version, String user, Instant now) {
        return jdbc.sql("""
                UPDATE transfer_lane SET cost_per_unit = :c, transit_days = :d, version = version + 1,
                       updated_at = :now, updated_by = :u
                WHERE id = :id AND version = :v""")
                        .param("c", cost)
                        .param("d", transitDays)
                        .param("now", Timestamp.from(now))
                        .param("u", user)
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM transfer_lane WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private List<TransferLaneView> views(List<Row> rows) {
        TreeSet<Long> ids = new TreeSet<>();
        rows.forEach(r -> {
            ids.add(r.fromId());
            ids.add(r.toId());
        });
        Map<Long, NamedRef> warehouses = refs.warehousesById(ids);
        return rows.stream()
                .map(r -> new TransferLaneView(
                        r.id(),
                        warehouses.get(r.fromId()).code(),
                        warehouses.get(r.toId()).code(),
                        org.openvmi.shared.Decimals.plain(r.costPerUnit()),
                        r.transitDays(),
                        r.version(),
                        r.updatedAt(),
                        r.updatedBy()))
                .toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("from_warehouse_id"),
                rs.getLong("to_warehouse_id"),
                rs.getBigDecimal("cost_per_unit"),
                rs.getInt("transit_days"),
                rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
