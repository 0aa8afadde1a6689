package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            template.batchUpdate("INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty) VALUES (?, ?, ?, ?)",
                    chunk, chunk.size(), (ps, r) -> {
                        ps.setLong(1, r.itemId());
                        ps.setLong(2, r.warehouseId());
                        ps.setDate(3, Date.valueOf(r.day()));
                        ps.setBigDecimal(4, r.qty());
                    });
        }
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM demand_history").query(Long.class).single();
    }

    public Map<LocalDate, BigDecimal> daily(long itemId, long warehouseId, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> days = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT demand_date, qty FROM demand_history
                WHERE item_id = :i AND warehouse_id = :w AND demand_date >= :from AND demand_date <= :to ORDER BY demand_date""")
                .param("i", itemId).param("w", warehouseId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> days.put(rs.getDate("demand_date").toLocalDate(), Decimals.plain(rs.getBigDecimal("qty"))))
                .list();
        return days;
    }
}
