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
 * them. Each statement commits on its own (no surrounding transaction): noting is idempotent, and taking deletes
 * row by row so that, of two instances taking at once, each pair goes to exactly one (the other deletes nothing).
 */
@Repository
class ReplanQueue {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReplanQueue(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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

    /** Takes every waiting pair this instance could delete. */
    Set<ItemWarehouse> take() {
        Set<ItemWarehouse> taken = new TreeSet<>();
        for (ItemWarehouse p : jdbc.sql(
                        "SELECT item_id, warehouse_id FROM planning_replan_pending ORDER BY item_id, warehouse_id")
                .query((rs, n) -> new ItemWarehouse(rs.getLong(1), rs.getLong(2)))
                .list()) {
            if (jdbc.sql("DELETE FROM planning_replan_pending WHERE item_id = :i AND warehouse_id = :w")
                            .param("i", p.itemId())
                            .param("w", p.warehouseId())
                            .update()
                    == 1) {
                taken.add(p);
            }
        }
        return taken;
    }
}
