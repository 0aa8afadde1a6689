package org.openvmi.planning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openvmi.inventory.ItemWarehouse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The item × warehouses waiting for a targeted re-plan, in a table so they survive a restart and any instance can run
 * them. Each statement commits on its own (no surrounding transaction): noting is idempotent, and taking is one
 * DELETE handing back the rows it deleted, so that, of two instances taking at once, each pair goes to exactly one
 * (a row the other deleted first is not deleted, nor returned, here) — one statement instead of one per pair (ADR 0083).
 */
@Repository
class ReplanQueue {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final boolean postgres;

    ReplanQueue(JdbcClient jdbc, JdbcTemplate template, DatabaseClock database) {
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = database.postgres();
    }

    /**
     * One batch of inserts for all the pairs (a pair already waiting is left as it is): one round trip per call
     * instead of one statement, and a duplicate-key exception, per pair (ADR 0072).
     */
    void note(Collection<ItemWarehouse> pairs, Instant now) {
        if (pairs.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate(
                "INSERT INTO planning_replan_pending (item_id, warehouse_id, noted_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                List.copyOf(pairs),
                500,
                (ps, p) -> {
                    ps.setLong(1, p.itemId());
                    ps.setLong(2, p.warehouseId());
                    ps.setTimestamp(3, at);
                });
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM planning_replan_pending")
                        .query(Long.class)
                        .single()
                == 0;
    }

    /** Takes every waiting pair this instance could delete, in one statement. */
    Set<ItemWarehouse> take() {
        // PostgreSQL: DELETE … RETURNING; H2: the same delete read through its data change delta table
        String sql = postgres
                ? "DELETE FROM planning_replan_pending RETURNING item_id, warehouse_id"
                : "SELECT item_id, warehouse_id FROM OLD TABLE (DELETE FROM planning_replan_pending)";
        return new TreeSet<>(jdbc.sql(sql)
                .query((rs, n) -> new ItemWarehouse(rs.getLong(1), rs.getLong(2)))
                .list());
    }
}
