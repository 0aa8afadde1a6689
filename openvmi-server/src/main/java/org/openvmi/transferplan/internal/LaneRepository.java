package org.openvmi.transferplan.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openvmi.transferplan.TransferLaneView;
import org.openvmi.transferplan.model.Lane;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lane table: one row per (from, to) warehouse pair. */
@Repository
public class LaneRepository {

    private static final String SELECT = """
            SELECT l.*, f.code AS from_code, t.code AS to_code FROM transfer_lane l
            JOIN warehouse f ON f.id = l.from_warehouse_id JOIN warehouse t ON t.id = l.to_warehouse_id""";

    private final JdbcClient jdbc;

    LaneRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TransferLaneView> list() {
        return jdbc.sql(SELECT + " ORDER BY f.code, t.code").query(LaneRepository::view).list();
    }

    public Optional<TransferLaneView> find(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", id).query(LaneRepository::view).optional();
    }

    public boolean exists(long from, long to) {
        return jdbc.sql("SELECT COUNT(*) FROM transfer_lane WHERE from_warehouse_id = :f AND to_warehouse_id = :t")
                .param("f", from).param("t", to).query(Long.class).single() > 0;
    }

    /** Every lane by (from, to) warehouse ids. */
    public Map<Long, Map<Long, Lane>> lanes() {
        Map<Long, Map<Long, Lane>> lanes = new HashMap<>();
        jdbc.sql("SELECT from_warehouse_id, to_warehouse_id, cost_per_unit, transit_days FROM transfer_lane")
                .query(rs -> {
                    Lane lane = new Lane(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getInt(4));
                    lanes.computeIfAbsent(lane.fromWarehouseId(), k -> new HashMap<>()).put(lane.toWarehouseId(), lane);
                });
        return lanes;
    }

    public long insert(long from, long to, BigDecimal cost, int transitDays, String user, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO transfer_lane (from_warehouse_id, to_warehouse_id, cost_per_unit, transit_days, updated_at, updated_by)
                VALUES (:f, :t, :c, :d, :now, :u)""")
                .param("f", from).param("t", to).param("c", cost).param("d", transitDays)
                .param("now", Timestamp.from(now)).param("u", user).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Optimistic: false when the version moved on. */
    public boolean update(long id, BigDecimal cost, int transitDays, int version, String user, Instant now) {
        return jdbc.sql("""
                UPDATE transfer_lane SET cost_per_unit = :c, transit_days = :d, version = version + 1,
                       updated_at = :now, updated_by = :u
                WHERE id = :id AND version = :v""")
                .param("c", cost).param("d", transitDays).param("now", Timestamp.from(now)).param("u", user)
                .param("id", id).param("v", version).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM transfer_lane WHERE id = :id").param("id", id).update() == 1;
    }

    private static TransferLaneView view(ResultSet rs, int n) throws SQLException {
        return new TransferLaneView(rs.getLong("id"), rs.getString("from_code"), rs.getString("to_code"),
                org.openvmi.shared.Decimals.plain(rs.getBigDecimal("cost_per_unit")), rs.getInt("transit_days"),
                rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
