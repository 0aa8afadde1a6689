package org.openvmi.inventory.internal;

import java.util.List;
import org.openvmi.inventory.LedgerEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads movements after an id with the codes of their item and warehouse (the primary key index serves the range). */
@Repository
public class LedgerFeedRepository {

    private final JdbcClient jdbc;

    LedgerFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LedgerEntry> after(long afterId, int limit) {
        return jdbc.sql("""
                SELECT m.id, m.type, i.code AS item, w.code AS warehouse, m.owner, m.qty, m.unit_cost, m.posted_at
                FROM stock_movement m
                JOIN item i ON i.id = m.item_id
                JOIN location l ON l.id = m.location_id
                JOIN warehouse w ON w.id = l.warehouse_id
                WHERE m.id > :after ORDER BY m.id LIMIT :limit""")
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new LedgerEntry(
                        rs.getLong("id"),
                        rs.getString("type"),
                        rs.getString("item"),
                        rs.getString("warehouse"),
                        rs.getString("owner"),
                        rs.getBigDecimal("qty"),
                        rs.getBigDecimal("unit_cost"),
                        rs.getTimestamp("posted_at").toInstant()))
                .list();
    }
}
