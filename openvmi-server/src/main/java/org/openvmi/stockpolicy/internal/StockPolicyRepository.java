package org.openvmi.stockpolicy.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.openvmi.stockpolicy.PlannedLevels;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stock policies; reads take the party scope (a supplier sees policies of the items on its source list). */
@Repository
public class StockPolicyRepository {

    private static final String ITEM_CODE = CatalogRefs.itemCode("p.item_id");
    private static final String WAREHOUSE_CODE = CatalogRefs.warehouseCode("p.warehouse_id");

    /** The stock line list's sortable columns (URL key, SQL); codes through catalog's fragments (ADR 0052). */
    static final SortColumns SORT = SortColumns.of(
            WAREHOUSE_CODE + ", " + ITEM_CODE,
            "p.id",
            "item",
            ITEM_CODE,
            "warehouse",
            WAREHOUSE_CODE,
            "safety",
            "p.safety",
            "warning",
            "p.warning",
            "max",
            "p.max_qty",
            "servicelevel",
            "p.service_level",
            "mode",
            "p.mode",
            "updated",
            "p.updated_at");

    private static final String SELECT = "SELECT p.* FROM stock_policy p";
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CatalogRefs catalog;

    /** Bumped when a policy is created or deleted: the alert evaluator keeps which item × warehouses have one. */
    private final org.openvmi.shared.cluster.CacheVersions cacheVersions;

    StockPolicyRepository(
            JdbcClient jdbc,
            JdbcTemplate template,
            CatalogRefs catalog,
            org.openvmi.shared.cluster.CacheVersions cacheVersions) {
        this.jdbc = jdbc;
        this.template = template;
        this.catalog = catalog;
        this.cacheVersions = cacheVersions;
    }

    /** A policy row before catalog's codes: its item and warehouse ids and the view without them. */
    private record Row(long itemId, long warehouseId, StockPolicyView view) {}

    /** The rows with item code, name and unit and warehouse code, read from catalog in one query per kind. */
    private List<StockPolicyView> withCodes(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, org.openvmi.catalog.ItemRef> items = new HashMap<>();
        Map<Long, org.openvmi.catalog.NamedRef> warehouses = new HashMap<>();
        List<Long> itemIds = rows.stream().map(Row::itemId).distinct().toList();
        List<Long> warehouseIds = rows.stream().map(Row::warehouseId).distinct().toList();
        for (int from = 0; from < itemIds.size(); from += BATCH) {
            items.putAll(catalog.itemsById(itemIds.subList(from, Math.min(itemIds.size(), from + BATCH))));
        }
        for (int from = 0; from < warehouseIds.size(); from += BATCH) {
            warehouses.putAll(
                    catalog.warehousesById(warehouseIds.subList(from, Math.min(warehouseIds.size(), from + BATCH))));
        }
        return rows.stream()
                .map(r -> {
                    org.openvmi.catalog.ItemRef i = items.get(r.itemId());
                    org.openvmi.catalog.NamedRef w = warehouses.get(r.warehouseId());
                    StockPolicyView v = r.view();
                    return new StockPolicyView(
                            v.id(),
                            i.code(),
                            i.name(),
                            i.uom(),
                            w.code(),
                            v.safety(),
                            v.warning(),
                            v.max(),
                            v.serviceLevel(),
                            v.serviceLevelSetBy(),
                            v.mode(),
                            v.plannedAt(),
                            v.updatedAt(),
                            v.updatedBy(),
                            v.version());
                })
                .toList();
    }

    public record Filter(String location, String text, PolicyMode mode) {}

    public Optional<StockPolicyView> find(long itemId, long warehouseId, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE p.item_id = :i AND p.warehouse_id = :w AND "
                        + CatalogRefs.itemPredicate("p.item_id", scope))
                .param("i", itemId)
                .param("w", warehouseId)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(StockPolicyRepository::row)
                .optional()
                .map(r -> withCodes(List.of(r)).get(0));
    }

    public PageResult<StockPolicyView> find(Filter f, PageRequest page, PartyScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        StringBuilder where = new StringBuilder(" WHERE ").append(CatalogRefs.itemPredicate("p.item_id", scope));
        if (f.location() != null) {
            where.append(" AND ").append(CatalogRefs.warehouseCodeIn("p.warehouse_id", "w"));
            params.put("w", f.location());
        }
        if (f.text() != null) {
            where.append(" AND ").append(CatalogRefs.itemTextMatches("p.item_id", "t"));
            params.put("t", "%" + f.text().toLowerCase() + "%");
        }
        if (f.mode() != null) {
            where.append(" AND p.mode = :m");
            params.put("m", f.mode().name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM stock_policy p" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<StockPolicyView> rows =
                withCodes(jdbc.sql(SELECT + where + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                        .params(params)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(StockPolicyRepository::row)
                        .list());
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** Every policy the scope sees, for exports. */
    public java.util.Map<org.openvmi.inventory.ItemWarehouse, org.openvmi.stockpolicy.StockLines>
            linesByItemWarehouse() {
        java.util.Map<org.openvmi.inventory.ItemWarehouse, org.openvmi.stockpolicy.StockLines> lines =
                new java.util.HashMap<>();
        jdbc.sql("SELECT item_id, warehouse_id, safety, warning, max_qty FROM stock_policy")
                .query(rs -> {
                    lines.put(
                            new org.openvmi.inventory.ItemWarehouse(rs.getLong(1), rs.getLong(2)),
                            new org.openvmi.stockpolicy.StockLines(
                                    rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                });
        return lines;
    }

    /** The policies of these items (at most a few hundred: one IN list), with codes. */
    public List<StockPolicyView> ofItems(java.util.Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return withCodes(jdbc.sql(SELECT + " WHERE p.item_id IN (:items)")
                .param("items", List.copyOf(itemIds))
                .query(StockPolicyRepository::row)
                .list());
    }

    /**
     * The service level targets (set by a person or a rule) of every policy, or of one warehouse's: what planning
     * runs plan those pairs at instead of the run's level.
     */
    public Map<org.openvmi.inventory.ItemWarehouse, BigDecimal> serviceLevelTargets(Long warehouseId) {
        Map<org.openvmi.inventory.ItemWarehouse, BigDecimal> targets = new HashMap<>();
        jdbc.sql("SELECT item_id, warehouse_id, service_level FROM stock_policy"
                        + " WHERE service_level_set_by IS NOT NULL AND service_level IS NOT NULL"
                        + (warehouseId == null ? "" : " AND warehouse_id = :w"))
                .param("w", warehouseId == null ? 0L : warehouseId)
                .query(rs -> {
                    targets.put(
                            new org.openvmi.inventory.ItemWarehouse(rs.getLong(1), rs.getLong(2)),
                            Decimals.plain(rs.getBigDecimal(3)));
                });
        return targets;
    }

    /** The lines of one item × warehouse, if it has a policy. */
    public Optional<org.openvmi.stockpolicy.StockLines> lines(long itemId, long warehouseId) {
        return jdbc.sql("SELECT safety, warning, max_qty FROM stock_policy WHERE item_id = :i AND warehouse_id = :w")
                .param("i", itemId)
                .param("w", warehouseId)
                .query((rs, n) -> new org.openvmi.stockpolicy.StockLines(
                        rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .optional();
    }

    public List<StockPolicyView> all(PartyScope scope) {
        return withCodes(jdbc.sql(SELECT + " WHERE " + CatalogRefs.itemPredicate("p.item_id", scope) + " ORDER BY "
                        + WAREHOUSE_CODE + ", " + ITEM_CODE)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(StockPolicyRepository::row)
                .list());
    }

    /** {@code levelSetBy}: who set the service level as a target (null: not a target). */
    public void insert(
            long itemId, long warehouseId, StockPolicyCommand c, String levelSetBy, String user, Instant now) {
        policiesChanged();
        jdbc.sql("""
                INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, service_level,
                                          service_level_set_by, mode, updated_at, updated_by)
                VALUES (:i, :w, :s, :wa, :m, :sl, :slb, :mode, :now, :u)""")
                .param("i", itemId)
                .param("w", warehouseId)
                .param("s", c.getSafety())
                .param("wa", c.getWarning())
                .param("m", c.getMax())
                .param("sl", c.getServiceLevel())
                .param("slb", levelSetBy)
                .param("mode", c.getMode().name())
                .param("now", Timestamp.from(now))
                .param("u", user)
                .update();
    }

    /** Optimistic update: false when the version moved on (someone else saved first). */
    public boolean update(long id, int version, StockPolicyCommand c, String levelSetBy, String user, Instant now) {
        return jdbc.sql("""
                UPDATE stock_policy SET safety = :s, warning = :wa, max_qty = :m, service_level = :sl,
                       service_level_set_by = :slb, mode = :mode, updated_at = :now, updated_by = :u,
                       version = version + 1
                WHERE id = :id AND version = :v""")
                        .param("s", c.getSafety())
                        .param("wa", c.getWarning())
                        .param("m", c.getMax())
                        .param("sl", c.getServiceLevel())
                        .param("slb", levelSetBy)
                        .param("mode", c.getMode().name())
                        .param("now", Timestamp.from(now))
                        .param("u", user)
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }

    public boolean delete(long id, int version) {
        policiesChanged();
        return jdbc.sql("DELETE FROM stock_policy WHERE id = :id AND version = :v")
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }

    /**
     * Applies planned lines in batches: DYNAMIC policies are updated, subjects without a policy get a DYNAMIC one,
     * MANUAL policies are left alone (the planner's numbers never overwrite a person's). Returns the rows changed.
     * Which subjects have a policy is read first, so new ones go in as plain multi-row-capable INSERTs and only
     * DYNAMIC ones are updated; a policy someone created in between makes the INSERT fail on the unique key, and
     * the chunk is then written with the conditional statements instead.
     */
    public int applyPlanned(List<PlannedLevels> levels, String user, Instant now) {
        Timestamp at = Timestamp.from(now);
        int changed = 0;
        for (int from = 0; from < levels.size(); from += BATCH) {
            List<PlannedLevels> chunk = levels.subList(from, Math.min(levels.size(), from + BATCH));
            Map<Long, Map<Long, String>> modes = modesOf(chunk);
            List<PlannedLevels> fresh = new java.util.ArrayList<>();
            List<PlannedLevels> dynamic = new java.util.ArrayList<>();
            for (PlannedLevels l : chunk) {
                String mode = modes.getOrDefault(l.itemId(), Map.of()).get(l.warehouseId());
                if (mode == null) {
                    fresh.add(l);
                } else if (mode.equals("DYNAMIC")) {
                    dynamic.add(l);
                }
            }
            if (!fresh.isEmpty()) {
                policiesChanged(); // new item × warehouses under a policy (at most one bump per transaction)
            }
            try {
                changed += sum(updateDynamic(dynamic, user, at)) + sum(insertNew(fresh, user, at));
            } catch (org.springframework.dao.DuplicateKeyException createdMeanwhile) {
                changed += sum(updateDynamic(chunk, user, at)) + sum(insertMissing(chunk, user, at));
            }
        }
        return changed;
    }

    /** One bump of {@code stock-policies} per transaction that creates or deletes policies. */
    private void policiesChanged() {
        String marker = StockPolicyRepository.class.getName() + ".bumped";
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            if (org.springframework.transaction.support.TransactionSynchronizationManager.hasResource(marker)) {
                return;
            }
            org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(
                    marker, Boolean.TRUE);
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            org.springframework.transaction.support.TransactionSynchronizationManager
                                    .unbindResourceIfPossible(marker);
                        }
                    });
        }
        cacheVersions.bump(org.openvmi.shared.cluster.CacheVersions.STOCK_POLICIES);
    }

    private Map<Long, Map<Long, String>> modesOf(List<PlannedLevels> chunk) {
        Map<Long, Map<Long, String>> modes = new HashMap<>();
        java.util.Set<Long> items = new java.util.TreeSet<>();
        java.util.Set<Long> warehouses = new java.util.TreeSet<>();
        chunk.forEach(l -> {
            items.add(l.itemId());
            warehouses.add(l.warehouseId());
        });
        jdbc.sql(
                        "SELECT item_id, warehouse_id, mode FROM stock_policy WHERE item_id IN (:items) AND warehouse_id IN (:whs)")
                .param("items", items)
                .param("whs", warehouses)
                .query((rs, n) -> modes.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getLong(2), rs.getString(3)))
                .list();
        return modes;
    }

    private int[][] updateDynamic(List<PlannedLevels> rows, String user, Timestamp at) {
        return template.batchUpdate("""
                UPDATE stock_policy SET safety = ?, warning = ?, max_qty = ?,
                       service_level = CASE WHEN service_level_set_by IS NULL THEN ? ELSE service_level END,
                       planned_at = ?, updated_at = ?, updated_by = ?, version = version + 1
                WHERE item_id = ? AND warehouse_id = ? AND mode = 'DYNAMIC'""", rows, rows.size(), (ps, l) -> {
            ps.setBigDecimal(1, l.safety());
            ps.setBigDecimal(2, l.warning());
            ps.setBigDecimal(3, l.max());
            ps.setBigDecimal(4, l.serviceLevel());
            ps.setTimestamp(5, at);
            ps.setTimestamp(6, at);
            ps.setString(7, user);
            ps.setLong(8, l.itemId());
            ps.setLong(9, l.warehouseId());
        });
    }

    private int[][] insertNew(List<PlannedLevels> rows, String user, Timestamp at) {
        return template.batchUpdate("""
                INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, service_level, mode,
                                          planned_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, 'DYNAMIC', ?, ?, ?)""", rows, rows.size(), (ps, l) -> {
            ps.setLong(1, l.itemId());
            ps.setLong(2, l.warehouseId());
            ps.setBigDecimal(3, l.safety());
            ps.setBigDecimal(4, l.warning());
            ps.setBigDecimal(5, l.max());
            ps.setBigDecimal(6, l.serviceLevel());
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
            ps.setString(9, user);
        });
    }

    private int[][] insertMissing(List<PlannedLevels> rows, String user, Timestamp at) {
        return template.batchUpdate("""
                INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, service_level, mode,
                                          planned_at, updated_at, updated_by)
                SELECT ?, ?, ?, ?, ?, ?, 'DYNAMIC', ?, ?, ? FROM (VALUES (1)) one
                WHERE NOT EXISTS (SELECT 1 FROM stock_policy WHERE item_id = ? AND warehouse_id = ?)""", rows, rows.size(), (ps, l) -> {
            ps.setLong(1, l.itemId());
            ps.setLong(2, l.warehouseId());
            ps.setBigDecimal(3, l.safety());
            ps.setBigDecimal(4, l.warning());
            ps.setBigDecimal(5, l.max());
            ps.setBigDecimal(6, l.serviceLevel());
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
            ps.setString(9, user);
            ps.setLong(10, l.itemId());
            ps.setLong(11, l.warehouseId());
        });
    }

    private static int sum(int[][] counts) {
        int total = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                total += Math.max(c, 0);
            }
        }
        return total;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp planned = rs.getTimestamp("planned_at");
        return new Row(
                rs.getLong("item_id"),
                rs.getLong("warehouse_id"),
                new StockPolicyView(
                        rs.getLong("id"),
                        null,
                        null,
                        null,
                        null,
                        Decimals.plain(rs.getBigDecimal("safety")),
                        Decimals.plain(rs.getBigDecimal("warning")),
                        Decimals.plain(rs.getBigDecimal("max_qty")),
                        serviceLevel(rs.getBigDecimal("service_level")),
                        rs.getString("service_level_set_by"),
                        PolicyMode.valueOf(rs.getString("mode")),
                        planned == null ? null : planned.toInstant(),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by"),
                        rs.getInt("version")));
    }

    private static BigDecimal serviceLevel(BigDecimal v) {
        return v == null ? null : Decimals.plain(v);
    }
}
