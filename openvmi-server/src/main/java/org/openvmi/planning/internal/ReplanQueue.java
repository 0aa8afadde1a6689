package org.openvmi.planning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.openvmi.inventory.ItemWarehouse;
import org.springframework.dao.DuplicateKeyException;
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

    ReplanQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void note(Collection<ItemWarehouse> pairs, Instant now) {
        for (ItemWarehouse p : pairs) {
            try {
                jdbc.sql("INSERT INTO planning_replan_pending (item_id, warehouse_id, noted_at) VALUES (:i, :w, :now)")
                        .param("i", p.itemId())
                        .param("w", p.warehouseId())
                        .param("now", Timestamp.from(now))
                        .update();
            } catch (DuplicateKeyException alreadyNoted) {
                // already waiting (noted earlier or by another instance): it is re-planned once
            }
        }
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
