package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.planning.PlanningFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads for {@link PlanningFacts}: stored forecasts against the demand history, and suggestion counts. The SQL reads
 * planning's own tables by warehouse id; the warehouse code of a filter and the codes of the answer come from catalog's
 * API, one query per kind (ADR 0068).
 */
@Repository
public class PlanningFactsRepository {

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    PlanningFactsRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    private record Row(long itemId, long warehouseId, long runId, LocalDate start, int days, BigDecimal forecast) {}

    /** The id of a filter's warehouse code: empty for none (every warehouse), -1 for an unknown code (no rows). */
    private Optional<Long> warehouseId(String warehouse) {
        if (warehouse == null) {
            return Optional.empty();
        }
        return Optional.of(catalog.warehouses(List.of(warehouse)).getOrDefault(warehouse, -1L));
    }

    public List<PlanningFacts.ForecastBucket> firstBuckets(String warehouse, LocalDate from, LocalDate to) {
        // latest run per item × warehouse × first bucket; the bucket must lie inside [from, to] (checked below, as
        // date + int arithmetic differs between H2 and PostgreSQL)
        Long warehouseId = warehouseId(warehouse).orElse(null);
        Map<String, Row> latest = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT f.item_id, f.warehouse_id, f.run_id, f.first_bucket, f.bucket_days, f.forecast_csv
                FROM planning_forecast f
                WHERE (CAST(:warehouse AS BIGINT) IS NULL OR f.warehouse_id = :warehouse)
                  AND f.first_bucket >= :from AND f.first_bucket <= :to
                ORDER BY f.run_id""")
                .param("warehouse", warehouseId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> {
                    String csv = rs.getString("forecast_csv");
                    String first = csv == null || csv.isBlank() ? null : csv.split(",", 2)[0].trim();
                    return new Row(
                            rs.getLong("item_id"),
                            rs.getLong("warehouse_id"),
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
                WHERE (CAST(:warehouse AS BIGINT) IS NULL OR d.warehouse_id = :warehouse)
                  AND d.demand_date >= :from AND d.demand_date <= :to""")
                .param("warehouse", warehouseId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(rs -> {
                    demand.merge(
                            rs.getLong(1) + ":" + rs.getLong(2) + ":"
                                    + rs.getDate(3).toLocalDate(),
                            rs.getBigDecimal(4),
                            BigDecimal::add);
                });
        Map<Long, ItemRef> items =
                catalog.itemsById(latest.values().stream().map(Row::itemId).collect(Collectors.toSet()));
        Map<Long, NamedRef> warehouses = catalog.warehousesById(
                latest.values().stream().map(Row::warehouseId).collect(Collectors.toSet()));
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
                    code(items.get(r.itemId())),
                    code(warehouses.get(r.warehouseId())),
                    r.runId(),
                    r.start(),
                    r.days(),
                    r.forecast(),
                    actual));
        }
        return result;
    }

    public List<PlanningFacts.SuggestionCount> suggestions(String warehouse, Instant from, Instant to) {
        Long warehouseId = warehouseId(warehouse).orElse(null);
        record Group(long itemId, long warehouseId, String status, long count) {}
        List<Group> groups = jdbc.sql("""
                SELECT s.item_id, s.warehouse_id, s.status, COUNT(*) AS n
                FROM planning_suggestion s
                WHERE (CAST(:warehouse AS BIGINT) IS NULL OR s.warehouse_id = :warehouse)
                  AND s.created_at >= :from AND s.created_at < :to
                GROUP BY s.item_id, s.warehouse_id, s.status""")
                .param("warehouse", warehouseId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Group(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
                .list();
        Map<Long, ItemRef> items =
                catalog.itemsById(groups.stream().map(Group::itemId).collect(Collectors.toSet()));
        Map<Long, NamedRef> warehouses =
                catalog.warehousesById(groups.stream().map(Group::warehouseId).collect(Collectors.toSet()));
        // ordered by item code, warehouse code and status, as the former join's ORDER BY
        return groups.stream()
                .map(g -> new PlanningFacts.SuggestionCount(
                        code(items.get(g.itemId())), code(warehouses.get(g.warehouseId())), g.status(), g.count()))
                .sorted(Comparator.comparing(
                                PlanningFacts.SuggestionCount::item, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(
                                PlanningFacts.SuggestionCount::warehouse,
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PlanningFacts.SuggestionCount::status))
                .toList();
    }

    public long openSuggestions(String warehouse) {
        Long warehouseId = warehouseId(warehouse).orElse(null);
        return jdbc.sql("""
                SELECT COUNT(*) FROM planning_suggestion s
                WHERE s.status = 'OPEN' AND (CAST(:warehouse AS BIGINT) IS NULL OR s.warehouse_id = :warehouse)""").param("warehouse", warehouseId).query(Long.class).single();
    }

    private static String code(ItemRef item) {
        return item == null ? null : item.code();
    }

    private static String code(NamedRef warehouse) {
        return warehouse == null ? null : warehouse.code();
    }
}
