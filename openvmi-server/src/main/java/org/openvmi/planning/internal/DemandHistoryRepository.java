package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.planning.DemandRecord;
import org.openvmi.shared.Decimals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DemandHistoryRepository {

    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DemandHistoryRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Plain batched inserts: the fast path for bulk loads of history that is not there yet. */
    public void insertBatch(List<DemandRecord> records) {
        for (int from = 0; from < records.size(); from += BATCH) {
            List<DemandRecord> chunk = records.subList(from, Math.min(records.size(), from + BATCH));
            template.batchUpdate(
                    "INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty) VALUES (?, ?, ?, ?)",
                    chunk,
                    chunk.size(),
                    (ps, r) -> {
                        ps.setLong(1, r.itemId());
                        ps.setLong(2, r.warehouseId());
                        ps.setDate(3, Date.valueOf(r.day()));
                        ps.setBigDecimal(4, r.qty());
                    });
        }
    }

    /**
     * Adds imported sales to their days: to the day's row when the ledger (or a stockout mark) already wrote one,
     * otherwise a new row. The day is no longer a stockout day: it had demand.
     */
    public void addSales(List<DemandRecord> records) {
        for (int from = 0; from < records.size(); from += BATCH) {
            List<DemandRecord> chunk = records.subList(from, Math.min(records.size(), from + BATCH));
            int[] counts = template.batchUpdate("""
                    UPDATE demand_history SET qty = qty + ?, stockout = FALSE
                    WHERE item_id = ? AND warehouse_id = ? AND demand_date = ?""", chunk, chunk.size(), (ps, r) -> {
                ps.setBigDecimal(1, r.qty());
                ps.setLong(2, r.itemId());
                ps.setLong(3, r.warehouseId());
                ps.setDate(4, Date.valueOf(r.day()));
            })[0];
            List<DemandRecord> missing = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    missing.add(chunk.get(k));
                }
            }
            insertBatch(missing);
        }
    }

    /** The (item id, warehouse id, day) keys in the range that hold imported sales (more than the ledger's part). */
    public Set<List<Object>> daysWithSales(Collection<Long> itemIds, LocalDate from, LocalDate to) {
        Set<List<Object>> keys = new HashSet<>();
        if (itemIds.isEmpty()) {
            return keys;
        }
        jdbc.sql("""
                SELECT item_id, warehouse_id, demand_date FROM demand_history
                WHERE item_id IN (:items) AND demand_date >= :from AND demand_date <= :to AND qty > movement_qty""")
                .param("items", itemIds)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> keys.add(
                        List.of(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate())))
                .list();
        return keys;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM demand_history").query(Long.class).single();
    }

    public Map<LocalDate, BigDecimal> daily(long itemId, long warehouseId, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> days = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT demand_date, qty FROM demand_history
                WHERE item_id = :i AND warehouse_id = :w AND demand_date >= :from AND demand_date <= :to ORDER BY demand_date""")
                .param("i", itemId)
                .param("w", warehouseId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) ->
                        days.put(rs.getDate("demand_date").toLocalDate(), Decimals.plain(rs.getBigDecimal("qty"))))
                .list();
        return days;
    }

    public Map<org.openvmi.inventory.ItemWarehouse, BigDecimal> averageDaily(LocalDate from, LocalDate to) {
        BigDecimal days = BigDecimal.valueOf(java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
        Map<org.openvmi.inventory.ItemWarehouse, BigDecimal> rates = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT item_id, warehouse_id, SUM(qty) FROM demand_history
                WHERE demand_date >= :from AND demand_date <= :to GROUP BY item_id, warehouse_id""")
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(rs -> {
                    rates.put(
                            new org.openvmi.inventory.ItemWarehouse(rs.getLong(1), rs.getLong(2)),
                            rs.getBigDecimal(3).divide(days, 4, java.math.RoundingMode.HALF_UP));
                });
        return rates;
    }
}
