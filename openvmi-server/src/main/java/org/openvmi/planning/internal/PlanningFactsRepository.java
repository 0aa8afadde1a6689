package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.planning.PlanningFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads for {@link PlanningFacts}: stored forecasts against the demand history, and suggestion counts. */
@Repository
public class PlanningFactsRepository {

    private final JdbcClient jdbc;

    PlanningFactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(
            long itemId,
            long warehouseId,
            String item,
            String warehouse,
            long runId,
            LocalDate start,
            int days,
            BigDecimal forecast) {}

    public List<PlanningFacts.ForecastBucket> firstBuckets(String warehouse, LocalDate from, LocalDate to) {
        // latest run per item × warehouse × first bucket; the bucket must lie inside [from, to] (checked below, as
        // date + int arithmetic differs between H2 and PostgreSQL)
        Map<String, Row> latest = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT f.item_id, f.warehouse_id, i.code AS item, w.code AS warehouse, f.run_id, f.first_bucket,
                       f.bucket_days, f.forecast_csv
                FROM planning_forecast f JOIN item i ON i.id = f.item_id JOIN warehouse w ON w.id = f.warehouse_id
                WHERE (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)
                  AND f.first_bucket >= :from AND f.first_bucket <= :to
                ORDER BY f.run_id""")
                .param("warehouse", warehouse)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> {
                    String csv = rs.getString("forecast_csv");
                    String first = csv == null || csv.isBlank() ? null : csv.split(",", 2)[0].trim();
                    return new Row(
                            rs.getLong("item_id"),
                            rs.getLong("warehouse_id"),
                            rs.getString("item"),
                            rs.getString("warehouse"),
                            rs.getLong("run_id"),
                            rs.getDate("first_bucket").toLocalDate(),
                            rs.getInt("bucket_days"),
                            first == null ? null : new BigDecimal(first));
                })
                .list()
                .forEach(r -> {
                    if (r.forecast() != null
                            && !r.start().plusDays(r.days() - 1L).isAfter(to)) {
                        latest.put(r.itemId() + ":" + r.warehouseId() + ":" + r.start(), r);
                    }
                });
        if (latest.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> demand = new HashMap<>();
        jdbc.sql("""
                SELECT d.item_id, d.warehouse_id, d.demand_date, d.qty FROM demand_history d
                JOIN warehouse w ON w.id = d.warehouse_id
                WHERE (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)
                  AND d.demand_date >= :from AND d.demand_date <= :to""")
                .param("warehouse", warehouse)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(rs -> {
                    demand.merge(
                            rs.getLong(1) + ":" + rs.getLong(2) + ":"
                                    + rs.getDate(3).toLocalDate(),
                            rs.getBigDecimal(4),
                            BigDecimal::add);
                });
        List<PlanningFacts.ForecastBucket> result = new ArrayList<>();
        for (Row r : latest.values()) {
            BigDecimal actual = BigDecimal.ZERO;
            for (int d = 0; d < r.days(); d++) {
                BigDecimal q = demand.get(
                        r.itemId() + ":" + r.warehouseId() + ":" + r.start().plusDays(d));
                if (q != null) {
                    actual = actual.add(q);
                }
            }
            result.add(new PlanningFacts.ForecastBucket(
                    r.item(), r.warehouse(), r.runId(), r.start(), r.days(), r.forecast(), actual));
        }
        return result;
    }

    public List<PlanningFacts.SuggestionCount> suggestions(String warehouse, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT i.code AS item, w.code AS warehouse, s.status, COUNT(*) AS n
                FROM planning_suggestion s JOIN item i ON i.id = s.item_id JOIN warehouse w ON w.id = s.warehouse_id
                WHERE (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)
                  AND s.created_at >= :from AND s.created_at < :to
                GROUP BY i.code, w.code, s.status ORDER BY i.code, w.code, s.status""")
                .param("warehouse", warehouse)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new PlanningFacts.SuggestionCount(
                        rs.getString("item"), rs.getString("warehouse"), rs.getString("status"), rs.getLong("n")))
                .list();
    }

    public long openSuggestions(String warehouse) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM planning_suggestion s JOIN warehouse w ON w.id = s.warehouse_id
                WHERE s.status = 'OPEN' AND (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)""").param("warehouse", warehouse).query(Long.class).single();
    }
}
