package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.inventory.LedgerEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads movements after an id (the primary key index serves the range) with the codes of their item and warehouse:
 * the SQL reads the ledger's table only, the codes of a batch come from catalog, one query per kind (ADR 0052).
 */
@Repository
public class LedgerFeedRepository {

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    LedgerFeedRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A movement before catalog's codes. */
    private record Row(
            long id,
            String type,
            long itemId,
            long locationId,
            String owner,
            BigDecimal qty,
            BigDecimal unitCost,
            Instant postedAt) {}

    public List<LedgerEntry> after(long afterId, int limit) {
        List<Row> rows = jdbc.sql("""
                SELECT m.id, m.type, m.item_id, m.location_id, m.owner, m.qty, m.unit_cost, m.posted_at
                FROM stock_movement m
                WHERE m.id > :after ORDER BY m.id LIMIT :limit""")
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("type"),
                        rs.getLong("item_id"),
                        rs.getLong("location_id"),
                        rs.getString("owner"),
                        rs.getBigDecimal("qty"),
                        rs.getBigDecimal("unit_cost"),
                        rs.getTimestamp("posted_at").toInstant()))
                .list();
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(Row::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(Row::locationId).distinct().toList());
        return rows.stream()
                .map(r -> new LedgerEntry(
                        r.id(),
                        r.type(),
                        items.get(r.itemId()).code(),
                        locations.get(r.locationId()).warehouse(),
                        r.owner(),
                        r.qty(),
                        r.unitCost(),
                        r.postedAt()))
                .toList();
    }
}
