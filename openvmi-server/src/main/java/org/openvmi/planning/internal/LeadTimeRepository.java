package org.openvmi.planning.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.openvmi.planning.model.LeadTimeStats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LeadTimeRepository {

    /** Supplier and item. */
    public record Key(long supplierId, long itemId) {}

    private final JdbcClient jdbc;

    LeadTimeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a fact with this reference was recorded already (receipts hand their facts over at least once). */
    public boolean recorded(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM planning_lead_time_fact WHERE reference = :r")
                        .param("r", reference)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(
            long supplierId,
            long itemId,
            Long warehouseId,
            LocalDate ordered,
            LocalDate received,
            String reference,
            String user,
            Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO planning_lead_time_fact (supplier_id, item_id, warehouse_id, ordered_on, received_on, lead_days,
                                                     reference, recorded_by, recorded_at)
                VALUES (:s, :i, :w, :o, :r, :d, :ref, :u, :now)""")
                .param("s", supplierId)
                .param("i", itemId)
                .param("w", warehouseId)
                .param("o", Date.valueOf(ordered))
                .param("r", Date.valueOf(received))
                .param("d", (int) java.time.temporal.ChronoUnit.DAYS.between(ordered, received))
                .param("ref", reference)
                .param("u", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Mean and sample deviation of the recorded lead times of one supplier and item (by the key's index; every
     * receipt line's fact reads it back, and the whole table's aggregate grew with every receipt).
     */
    public java.util.Optional<LeadTimeStats> observed(Key key) {
        return jdbc
                .sql("""
                SELECT AVG(CAST(lead_days AS DOUBLE PRECISION)), STDDEV_SAMP(CAST(lead_days AS DOUBLE PRECISION)), COUNT(*)
                FROM planning_lead_time_fact WHERE supplier_id = :s AND item_id = :i""")
                .param("s", key.supplierId())
                .param("i", key.itemId())
                .query((rs, n) -> {
                    double mean = rs.getDouble(1);
                    if (rs.wasNull()) {
                        return null;
                    }
                    double sd = rs.getDouble(2);
                    return LeadTimeStats.observed(mean, rs.wasNull() ? 0 : sd, rs.getInt(3));
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Mean and sample deviation of the recorded lead times per supplier and item. */
    public Map<Key, LeadTimeStats> observed() {
        Map<Key, LeadTimeStats> stats = new HashMap<>();
        jdbc.sql("""
                SELECT supplier_id, item_id, AVG(CAST(lead_days AS DOUBLE PRECISION)),
                       STDDEV_SAMP(CAST(lead_days AS DOUBLE PRECISION)), COUNT(*)
                FROM planning_lead_time_fact GROUP BY supplier_id, item_id""").query(rs -> {
            double sd = rs.getDouble(4);
            stats.put(
                    new Key(rs.getLong(1), rs.getLong(2)),
                    LeadTimeStats.observed(rs.getDouble(3), rs.wasNull() ? 0 : sd, rs.getInt(5)));
        });
        return stats;
    }
}
