package org.openvmi.stockpolicy.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.openvmi.stockpolicy.AlertInterest;
import org.openvmi.stockpolicy.AlertLevelChange;
import org.openvmi.stockpolicy.AlertOrder;
import org.openvmi.stockpolicy.AlertStatus;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.AlertView;
import org.openvmi.stockpolicy.StockLines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Alerts and the policies they are checked against; reads take the party scope. */
@Repository
public class AlertRepository {

    /** The alert list's sortable columns (URL key, SQL), within the groups when the list is grouped. */
    private static final String ITEM_CODE = CatalogRefs.itemCode("a.item_id");

    private static final String WAREHOUSE_CODE = CatalogRefs.warehouseCode("a.warehouse_id");
    private static final String SUPPLIER_CODE = CatalogRefs.supplierCode("a.supplier_id");

    static final SortColumns SORT = SortColumns.of(
            "a.id DESC",
            "a.id",
            "type",
            "a.alert_type",
            "item",
            ITEM_CODE,
            "warehouse",
            WAREHOUSE_CODE,
            "stock",
            "a.qty_at_raise",
            "line",
            "a.line_qty",
            "raised",
            "a.raised_at",
            "status",
            "a.status");

    /** The alert's own columns; item, warehouse and supplier codes come from catalog, one query per kind and page. */
    private static final String SELECT = "SELECT a.* FROM stock_alert a";

    private static final int IN_LIST = 1_000;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final CatalogRefs catalog;

    /** {@link #watched}, consulted on every posting: kept until a policy is created or deleted (ADR 0072). */
    private final java.util.function.Supplier<Set<ItemWarehouse>> watched;

    AlertRepository(
            JdbcClient jdbc,
            org.springframework.jdbc.core.JdbcTemplate template,
            CatalogRefs catalog,
            org.openvmi.shared.cluster.CacheVersions cacheVersions) {
        this.jdbc = jdbc;
        this.template = template;
        this.catalog = catalog;
        this.watched = cacheVersions.cached(org.openvmi.shared.cluster.CacheVersions.STOCK_POLICIES, this::readWatched);
    }

    /** An alert row before catalog's codes: its catalog ids, open key and the view without codes. */
    private record Row(long itemId, Long warehouseId, Long supplierId, String openKey, AlertView view) {}

    /** The rows with item code, name and unit, warehouse and supplier codes, read in one query per kind (batched). */
    private List<AlertView> withCodes(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, org.openvmi.catalog.ItemRef> items = new HashMap<>();
        Map<Long, org.openvmi.catalog.NamedRef> warehouses = new HashMap<>();
        Map<Long, org.openvmi.catalog.NamedRef> suppliers = new HashMap<>();
        List<Long> itemIds = rows.stream().map(Row::itemId).distinct().toList();
        List<Long> warehouseIds = rows.stream()
                .map(Row::warehouseId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        List<Long> supplierIds = rows.stream()
                .map(Row::supplierId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        for (int from = 0; from < itemIds.size(); from += IN_LIST) {
            items.putAll(catalog.itemsById(itemIds.subList(from, Math.min(itemIds.size(), from + IN_LIST))));
        }
        for (int from = 0; from < warehouseIds.size(); from += IN_LIST) {
            warehouses.putAll(
                    catalog.warehousesById(warehouseIds.subList(from, Math.min(warehouseIds.size(), from + IN_LIST))));
        }
        for (int from = 0; from < supplierIds.size(); from += IN_LIST) {
            suppliers.putAll(
                    catalog.suppliersById(supplierIds.subList(from, Math.min(supplierIds.size(), from + IN_LIST))));
        }
        return rows.stream()
                .map(r -> {
                    org.openvmi.catalog.ItemRef i = items.get(r.itemId());
                    org.openvmi.catalog.NamedRef w = r.warehouseId() == null ? null : warehouses.get(r.warehouseId());
                    org.openvmi.catalog.NamedRef s = r.supplierId() == null ? null : suppliers.get(r.supplierId());
                    AlertView v = r.view();
                    return new AlertView(
                            v.id(),
                            v.type(),
                            v.status(),
                            i.code(),
                            i.name(),
                            i.uom(),
                            w == null ? null : w.code(),
                            s == null ? null : s.code(),
                            v.stockAtRaise(),
                            v.line(),
                            v.raisedAt(),
                            v.acknowledgedAt(),
                            v.acknowledgedBy(),
                            v.ackComment(),
                            v.stockAtResolve(),
                            v.resolvedAt(),
                            v.resolvedBy(),
                            v.resolveComment(),
                            v.ruleId(),
                            v.severity(),
                            v.message());
                })
                .toList();
    }

    /** A line alert to raise: type, subject, the stock and the line it crossed. */
    public record NewAlert(AlertType type, ItemWarehouse subject, BigDecimal stock, BigDecimal line) {
        String openKey() {
            return openKeyOf(type, subject.itemId(), subject.warehouseId(), null);
        }
    }

    /** An open alert to resolve by itself at this stock. */
    public record Resolution(long id, BigDecimal stock) {}

    /** An open below-alert that moves to another level at this stock and line. */
    public record LevelChange(long id, AlertType from, AlertType to, BigDecimal stock, BigDecimal line) {
        boolean escalates() {
            return to.severity() > from.severity();
        }
    }

    /** The key an open alert holds: one per kind (all below levels are one kind), item, warehouse and supplier. */
    static String openKeyOf(AlertType type, long itemId, Long warehouseId, Long supplierId) {
        return type.kind() + ":" + itemId + ":" + warehouseId + ":" + supplierId;
    }

    /**
     * Moves open below-alerts to another level in one batch and records each change in their history. An escalation
     * makes an acknowledged alert OPEN again (it is news: the acknowledgement was of a milder level); a
     * de-escalation keeps the status. Returns the views of the escalated alerts, in the order of {@code changes}.
     */
    public List<AlertView> changeLevels(List<LevelChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Timestamp at = Timestamp.from(now);
        // the history entry first: an escalation of an acknowledged alert keeps there the acknowledgement it clears
        template.batchUpdate("""
                INSERT INTO stock_alert_level (alert_id, level, previous_level, stock, line_qty, changed_at, notifies,
                                               cleared_ack_at, cleared_ack_by, cleared_ack_comment)
                SELECT a.id, ?, ?, ?, ?, ?, ?,
                       CASE WHEN a.status = 'ACKNOWLEDGED' AND ? THEN a.acknowledged_at END,
                       CASE WHEN a.status = 'ACKNOWLEDGED' AND ? THEN a.acknowledged_by END,
                       CASE WHEN a.status = 'ACKNOWLEDGED' AND ? THEN a.ack_comment END
                FROM stock_alert a WHERE a.id = ?""", changes, changes.size(), (ps, c) -> {
            ps.setString(1, c.to().name());
            ps.setString(2, c.from().name());
            ps.setBigDecimal(3, c.stock());
            ps.setBigDecimal(4, c.line());
            ps.setTimestamp(5, at);
            ps.setBoolean(6, c.escalates());
            ps.setBoolean(7, c.escalates());
            ps.setBoolean(8, c.escalates());
            ps.setBoolean(9, c.escalates());
            ps.setLong(10, c.id());
        });
        // reopened by an escalation: OPEN again and without the acknowledgement of the milder level
        template.batchUpdate("""
                UPDATE stock_alert SET alert_type = ?, line_qty = ?,
                       status = CASE WHEN ? THEN 'OPEN' ELSE status END,
                       acknowledged_at = CASE WHEN ? THEN NULL ELSE acknowledged_at END,
                       acknowledged_by = CASE WHEN ? THEN NULL ELSE acknowledged_by END,
                       ack_comment = CASE WHEN ? THEN NULL ELSE ack_comment END
                WHERE id = ? AND open_key IS NOT NULL""", changes, changes.size(), (ps, c) -> {
            ps.setString(1, c.to().name());
            ps.setBigDecimal(2, c.line());
            ps.setBoolean(3, c.escalates());
            ps.setBoolean(4, c.escalates());
            ps.setBoolean(5, c.escalates());
            ps.setBoolean(6, c.escalates());
            ps.setLong(7, c.id());
        });
        List<Long> ids = changes.stream()
                .filter(LevelChange::escalates)
                .map(LevelChange::id)
                .toList();
        Map<Long, AlertView> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            withCodes(jdbc.sql(SELECT + " WHERE a.id IN (:ids)")
                            .param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
                            .query(AlertRepository::row)
                            .list())
                    .forEach(v -> byId.put(v.id(), v));
        }
        return ids.stream().map(byId::get).toList();
    }

    /** The raise and every change of level of an alert, oldest first. */
    public List<AlertLevelChange> history(long alertId) {
        return jdbc.sql("""
                SELECT level, previous_level, stock, line_qty, changed_at, cleared_ack_at, cleared_ack_by,
                       cleared_ack_comment FROM stock_alert_level
                WHERE alert_id = :id ORDER BY id""")
                .param("id", alertId)
                .query((rs, n) -> new AlertLevelChange(
                        AlertType.valueOf(rs.getString("level")),
                        rs.getString("previous_level") == null
                                ? null
                                : AlertType.valueOf(rs.getString("previous_level")),
                        Decimals.plain(rs.getBigDecimal("stock")),
                        Decimals.plain(rs.getBigDecimal("line_qty")),
                        instant(rs, "changed_at"),
                        rs.getString("cleared_ack_by") == null
                                ? null
                                : new AlertLevelChange.Acknowledgement(
                                        instant(rs, "cleared_ack_at"),
                                        rs.getString("cleared_ack_by"),
                                        rs.getString("cleared_ack_comment"))))
                .list();
    }

    private void recordRaises(List<AlertView> raised) {
        template.batchUpdate("""
                INSERT INTO stock_alert_level (alert_id, level, previous_level, stock, line_qty, changed_at, notifies)
                VALUES (?, ?, NULL, ?, ?, ?, TRUE)""", raised, raised.size(), (ps, v) -> {
            ps.setLong(1, v.id());
            ps.setString(2, v.type().name());
            ps.setBigDecimal(3, v.stockAtRaise());
            ps.setBigDecimal(4, v.line());
            ps.setTimestamp(5, Timestamp.from(v.raisedAt()));
        });
    }

    /**
     * Raises many line alerts with one batch statement and reads them back by their open keys (in lists of at most
     * {@value #IN_LIST}); the views come back in the order of {@code alerts}.
     */
    public List<AlertView> insertAll(List<NewAlert> alerts, Instant now) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("""
                INSERT INTO stock_alert (alert_type, item_id, warehouse_id, supplier_id, status, open_key, qty_at_raise,
                                         line_qty, raised_at)
                VALUES (?, ?, ?, NULL, 'OPEN', ?, ?, ?, ?)""", alerts, alerts.size(), (ps, a) -> {
            ps.setString(1, a.type().name());
            ps.setLong(2, a.subject().itemId());
            ps.setLong(3, a.subject().warehouseId());
            ps.setString(4, a.openKey());
            ps.setBigDecimal(5, a.stock());
            ps.setBigDecimal(6, a.line());
            ps.setTimestamp(7, at);
        });
        Map<String, AlertView> byKey = new HashMap<>();
        List<String> keys = alerts.stream().map(NewAlert::openKey).toList();
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            List<Row> rows = jdbc.sql(SELECT + " WHERE a.open_key IN (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + IN_LIST)))
                    .query(AlertRepository::row)
                    .list();
            List<AlertView> views = withCodes(rows);
            for (int k = 0; k < rows.size(); k++) {
                byKey.put(rows.get(k).openKey(), views.get(k));
            }
        }
        List<AlertView> raised = keys.stream().map(byKey::get).toList();
        recordRaises(raised);
        return raised;
    }

    /** Resolves many open alerts in one batch; returns the views of those that were still open. */
    public List<AlertView> resolveAll(List<Resolution> resolutions, Instant now, String by) {
        if (resolutions.isEmpty()) {
            return List.of();
        }
        Timestamp at = Timestamp.from(now);
        int[][] counts = template.batchUpdate("""
                UPDATE stock_alert SET status = 'RESOLVED', open_key = NULL, qty_at_resolve = ?, resolved_at = ?,
                       resolved_by = ?
                WHERE id = ? AND open_key IS NOT NULL""", resolutions, resolutions.size(), (ps, r) -> {
            ps.setBigDecimal(1, r.stock());
            ps.setTimestamp(2, at);
            ps.setString(3, by);
            ps.setLong(4, r.id());
        });
        List<Long> done = new java.util.ArrayList<>();
        int k = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                if (c != 0) { // 1, or SUCCESS_NO_INFO (-2) from drivers that do not count
                    done.add(resolutions.get(k).id());
                }
                k++;
            }
        }
        List<AlertView> views = new java.util.ArrayList<>();
        for (int from = 0; from < done.size(); from += IN_LIST) {
            views.addAll(withCodes(jdbc.sql(SELECT + " WHERE a.id IN (:ids) ORDER BY a.id")
                    .param("ids", done.subList(from, Math.min(done.size(), from + IN_LIST)))
                    .query(AlertRepository::row)
                    .list()));
        }
        return views;
    }

    /** The suppliers with each item on their source list (items without any are absent). */
    public Map<Long, List<Long>> suppliersOf(Collection<Long> itemIds) {
        return catalog.suppliersOfItems(itemIds);
    }

    /** {@code interest} narrows to a user's warehouses and types (null or ALL = no narrowing). */
    public record Filter(
            AlertType type,
            Collection<AlertStatus> statuses,
            String warehouse,
            String supplier,
            String item,
            AlertInterest interest) {
        public Filter(
                AlertType type, Collection<AlertStatus> statuses, String warehouse, String supplier, String item) {
            this(type, statuses, warehouse, supplier, item, null);
        }
    }

    public record OpenAlert(long id, AlertType type) {}

    /**
     * The lines of the subjects that have a policy, their rows locked in (item, warehouse) order: evaluations of one
     * subject run one after the other, and each sees the stock the previous one committed.
     */
    /**
     * The item × warehouses a stock change can raise or resolve a line alert of: those with a policy, and those
     * with an open line alert (a policy deleted before ADR 0072's guard may have left one; a policy deleted since
     * resolves its alerts in the deleting transaction). Lines are only raised where a policy exists, so the set
     * grows only when a policy is created: {@link StockPolicyRepository} bumps {@code stock-policies} then and when
     * one is deleted. A stale copy is a superset of the truth (resolved alerts), never a subset, on this instance.
     */
    public Set<ItemWarehouse> watched() {
        return watched.get();
    }

    private Set<ItemWarehouse> readWatched() {
        Set<ItemWarehouse> pairs = new java.util.HashSet<>();
        jdbc.sql("""
                SELECT item_id, warehouse_id FROM stock_policy
                UNION
                SELECT item_id, warehouse_id FROM stock_alert
                WHERE open_key IS NOT NULL AND warehouse_id IS NOT NULL
                      AND alert_type NOT IN ('SUPPLIER_LOW_WATER', 'RULE')""").query(rs -> {
            pairs.add(new ItemWarehouse(rs.getLong(1), rs.getLong(2)));
        });
        return Set.copyOf(pairs);
    }

    public Map<ItemWarehouse, StockLines> lockLines(Set<ItemWarehouse> subjects) {
        Map<ItemWarehouse, StockLines> lines = new TreeMap<>();
        if (subjects.isEmpty()) {
            return lines;
        }
        Set<Long> items = new TreeSet<>();
        Set<Long> warehouses = new TreeSet<>();
        subjects.forEach(s -> {
            items.add(s.itemId());
            warehouses.add(s.warehouseId());
        });
        jdbc.sql("""
                SELECT item_id, warehouse_id, safety, warning, max_qty FROM stock_policy
                WHERE item_id IN (:items) AND warehouse_id IN (:warehouses)
                ORDER BY item_id, warehouse_id FOR UPDATE""")
                .param("items", items)
                .param("warehouses", warehouses)
                .query((rs, n) -> {
                    ItemWarehouse s = new ItemWarehouse(rs.getLong("item_id"), rs.getLong("warehouse_id"));
                    if (subjects.contains(s)) {
                        lines.put(
                                s,
                                new StockLines(
                                        rs.getBigDecimal("safety"),
                                        rs.getBigDecimal("warning"),
                                        rs.getBigDecimal("max_qty")));
                    }
                    return null;
                })
                .list();
        return lines;
    }

    /** The open line alerts (OPEN or ACKNOWLEDGED) of the subjects, by type. */
    public Map<ItemWarehouse, Map<AlertType, OpenAlert>> openLineAlerts(Set<ItemWarehouse> subjects) {
        Map<ItemWarehouse, Map<AlertType, OpenAlert>> open = new HashMap<>();
        if (subjects.isEmpty()) {
            return open;
        }
        Set<Long> items = new TreeSet<>();
        Set<Long> warehouses = new TreeSet<>();
        subjects.forEach(s -> {
            items.add(s.itemId());
            warehouses.add(s.warehouseId());
        });
        jdbc.sql("""
                SELECT id, alert_type, item_id, warehouse_id FROM stock_alert
                WHERE open_key IS NOT NULL AND item_id IN (:items) AND warehouse_id IN (:warehouses)
                      AND alert_type NOT IN ('SUPPLIER_LOW_WATER', 'RULE')""")
                .param("items", items)
                .param("warehouses", warehouses)
                .query((rs, n) -> {
                    ItemWarehouse s = new ItemWarehouse(rs.getLong("item_id"), rs.getLong("warehouse_id"));
                    AlertType type = AlertType.valueOf(rs.getString("alert_type"));
                    open.computeIfAbsent(s, k -> new EnumMap<>(AlertType.class))
                            .put(type, new OpenAlert(rs.getLong("id"), type));
                    return null;
                })
                .list();
        return open;
    }

    /** The open SUPPLIER_LOW_WATER alert of a supplier's item, its row locked (one judgement at a time). */
    public Optional<OpenAlert> lockOpenLowWater(long supplierId, long itemId) {
        return jdbc.sql("""
                SELECT id FROM stock_alert WHERE open_key = :key FOR UPDATE""")
                .param("key", openKeyOf(AlertType.SUPPLIER_LOW_WATER, itemId, null, supplierId))
                .query((rs, n) -> new OpenAlert(rs.getLong("id"), AlertType.SUPPLIER_LOW_WATER))
                .optional();
    }

    public long insert(
            AlertType type,
            long itemId,
            Long warehouseId,
            Long supplierId,
            BigDecimal stock,
            BigDecimal line,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO stock_alert (alert_type, item_id, warehouse_id, supplier_id, status, open_key, qty_at_raise,
                                         line_qty, raised_at)
                VALUES (:type, :item, :wh, :sup, 'OPEN', :key, :qty, :line, :now)""")
                .param("type", type.name())
                .param("item", itemId)
                .param("wh", warehouseId)
                .param("sup", supplierId)
                .param("key", openKeyOf(type, itemId, warehouseId, supplierId))
                .param("qty", stock)
                .param("line", line)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        recordRaises(List.of(find(id, PartyScope.ALL).orElseThrow()));
        return id;
    }

    /** Resolves an open alert; false when it was not open (any more). */
    public boolean resolve(long id, BigDecimal stock, Instant now, String by, String comment) {
        return jdbc.sql("""
                UPDATE stock_alert SET status = 'RESOLVED', open_key = NULL, qty_at_resolve = :qty, resolved_at = :now,
                       resolved_by = :by, resolve_comment = :comment
                WHERE id = :id AND open_key IS NOT NULL""")
                        .param("qty", stock)
                        .param("now", Timestamp.from(now))
                        .param("by", by)
                        .param("comment", comment)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Acknowledges an OPEN alert; false when it was not OPEN. */
    public boolean acknowledge(long id, String by, String comment, Instant now) {
        return jdbc.sql("""
                UPDATE stock_alert SET status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by,
                       ack_comment = :comment
                WHERE id = :id AND status = 'OPEN'""")
                        .param("now", Timestamp.from(now))
                        .param("by", by)
                        .param("comment", comment)
                        .param("id", id)
                        .update()
                == 1;
    }

    public Optional<AlertView> find(long id, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE a.id = :id AND " + scopePredicate(scope))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(AlertRepository::row)
                .optional()
                .map(r -> forScope(withCodes(List.of(r)).get(0), scope));
    }

    public PageResult<AlertView> find(Filter f, PageRequest page, PartyScope scope) {
        return find(f, AlertOrder.NEWEST, page, scope);
    }

    public PageResult<AlertView> find(Filter f, AlertOrder order, PageRequest page, PartyScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, scope, params);
        String orderBy = switch (order) {
            case NEWEST -> SORT.orderBy(page);
            case WAREHOUSE -> SORT.orderBy(WAREHOUSE_CODE, page);
            case SUPPLIER -> SORT.orderBy(groupSupplier(scope), page);
        };
        long total = jdbc.sql("SELECT COUNT(*) FROM stock_alert a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AlertView> rows = withCodes(jdbc.sql(SELECT + where + orderBy + " LIMIT :limit OFFSET :offset")
                        .params(params)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(AlertRepository::row)
                        .list())
                .stream()
                .map(v -> forScope(v, scope))
                .toList();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /**
     * Open alerts the scope sees, inside the user's interest, raised or escalated after the history entry
     * {@code afterLevelId}: an alert that escalates lights the bell again.
     */
    public long countOpenAfter(long afterLevelId, PartyScope scope, AlertInterest interest) {
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterLevelId);
        params.put("scopeSupplierId", scope.supplierIdParam());
        return jdbc.sql("SELECT COUNT(*) FROM stock_alert a WHERE a.open_key IS NOT NULL AND "
                        + "EXISTS (SELECT 1 FROM stock_alert_level h WHERE h.alert_id = a.id AND h.notifies AND h.id > :after) AND "
                        + scopePredicate(scope) + interestPredicate(interest, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The newest history entry the user had seen when it last opened the alert centre. */
    public long lastSeen(String username) {
        return jdbc.sql("SELECT last_level_id FROM alert_seen WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    public void markSeen(String username) {
        long newest = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM stock_alert")
                .query(Long.class)
                .single();
        long newestLevel = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM stock_alert_level")
                .query(Long.class)
                .single();
        if (jdbc.sql("UPDATE alert_seen SET last_alert_id = :id, last_level_id = :level WHERE username = :u")
                        .param("id", newest)
                        .param("level", newestLevel)
                        .param("u", username)
                        .update()
                == 0) {
            jdbc.sql("INSERT INTO alert_seen (username, last_alert_id, last_level_id) VALUES (:u, :id, :level)")
                    .param("u", username)
                    .param("id", newest)
                    .param("level", newestLevel)
                    .update();
        }
    }

    /** Ids of the OPEN alerts matching a filter, at most {@code limit}, newest first (for "acknowledge all filtered"). */
    public List<Long> openIds(Filter f, int limit, PartyScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, scope, params) + " AND a.status = 'OPEN'";
        return jdbc.sql("SELECT a.id FROM stock_alert a" + where + " ORDER BY a.id DESC LIMIT :limit")
                .params(params)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** The heading of each alert under a grouping (null when it has none: no warehouse, no supplier). */
    public Map<Long, String> groupsOf(List<Long> ids, AlertOrder order, PartyScope scope) {
        Map<Long, String> groups = new HashMap<>();
        if (ids.isEmpty() || order == AlertOrder.NEWEST) {
            return groups;
        }
        String label = order == AlertOrder.WAREHOUSE ? WAREHOUSE_CODE : groupSupplier(scope);
        jdbc.sql("SELECT a.id, " + label + " AS label FROM stock_alert a WHERE a.id IN (:ids)")
                .param("ids", ids)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> groups.put(rs.getLong("id"), rs.getString("label")))
                .list();
        return groups;
    }

    /** The supplier an alert is grouped under: its own (low water) or the item's primary supplier the scope may see. */
    private static String groupSupplier(PartyScope scope) {
        return "COALESCE(" + SUPPLIER_CODE + ", " + CatalogRefs.primarySupplierCode("a.item_id", scope) + ")";
    }

    private static String interestPredicate(AlertInterest interest, Map<String, Object> params) {
        if (interest == null || interest.isAll()) {
            return "";
        }
        StringBuilder w = new StringBuilder();
        if (!interest.warehouses().isEmpty()) {
            w.append(" AND (a.warehouse_id IS NULL OR ")
                    .append(CatalogRefs.warehouseCodeIn("a.warehouse_id", "interestWarehouses"))
                    .append(")");
            params.put("interestWarehouses", List.copyOf(interest.warehouses()));
        }
        if (!interest.types().isEmpty()) {
            w.append(" AND a.alert_type IN (:interestTypes)");
            params.put(
                    "interestTypes", interest.types().stream().map(Enum::name).toList());
        }
        return w.toString();
    }

    /** Supplier users see alerts about items on their source list and their own low-water alerts. */
    private static String scopePredicate(PartyScope scope) {
        if (scope.seesAll()) {
            return "1=1";
        }
        // stock alerts (no supplier) about its items, and alerts about itself; another supplier's SUPPLIER_LOW_WATER
        // alert of a shared item would show that supplier's code, available stock and low-water mark
        return "((a.supplier_id IS NULL AND " + CatalogRefs.itemPredicate("a.item_id", scope) + ") OR "
                + scope.predicate("a.supplier_id") + ")";
    }

    /**
     * A stock alert's figures (stock at raise and at resolve) count every owner's stock at the warehouse: the buyer's,
     * the caller's and other suppliers' consignment. A supplier that knows its own consignment and the buyer's stock
     * could subtract and read the others', so it gets no figure at all (ADR 0004 addendum). Its own SUPPLIER_LOW_WATER
     * alert keeps them: that is the stock it reported itself. The line stays: it is the buyer's policy. A RULE alert's
     * rule, severity and message go too: rules are buyer-side (ADR 0048) and a message may name any figure.
     */
    public static AlertView forScope(AlertView v, PartyScope scope) {
        if (scope.seesAll() || v.supplier() != null) {
            return v;
        }
        return new AlertView(
                v.id(),
                v.type(),
                v.status(),
                v.item(),
                v.itemName(),
                v.unit(),
                v.warehouse(),
                v.supplier(),
                null,
                v.line(),
                v.raisedAt(),
                v.acknowledgedAt(),
                v.acknowledgedBy(),
                v.ackComment(),
                null,
                v.resolvedAt(),
                v.resolvedBy(),
                v.resolveComment(),
                null,
                null,
                null);
    }

    private static String where(Filter f, PartyScope scope, Map<String, Object> params) {
        params.put("scopeSupplierId", scope.supplierIdParam());
        StringBuilder w = new StringBuilder(" WHERE ")
                .append(scopePredicate(scope))
                .append(interestPredicate(f.interest(), params));
        if (f.type() != null) {
            w.append(" AND a.alert_type = :type");
            params.put("type", f.type().name());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            w.append(" AND a.status IN (:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.warehouse() != null) {
            w.append(" AND ").append(CatalogRefs.warehouseCodeIn("a.warehouse_id", "wh"));
            params.put("wh", f.warehouse());
        }
        if (f.item() != null) {
            w.append(" AND ").append(CatalogRefs.itemCodeIs("a.item_id", "item"));
            params.put("item", f.item());
        }
        if (f.supplier() != null) {
            w.append(" AND (")
                    .append(CatalogRefs.supplierCodeIs("a.supplier_id", "sup"))
                    .append(" OR ")
                    .append(CatalogRefs.itemSuppliedBy("a.item_id", "sup"))
                    .append(")");
            params.put("sup", f.supplier());
        }
        return w.toString();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("item_id"),
                rs.getObject("warehouse_id", Long.class),
                rs.getObject("supplier_id", Long.class),
                rs.getString("open_key"),
                view(rs));
    }

    private static AlertView view(ResultSet rs) throws SQLException {
        return new AlertView(
                rs.getLong("id"),
                AlertType.valueOf(rs.getString("alert_type")),
                AlertStatus.valueOf(rs.getString("status")),
                null,
                null,
                null,
                null,
                null,
                Decimals.plain(rs.getBigDecimal("qty_at_raise")),
                Decimals.plain(rs.getBigDecimal("line_qty")),
                instant(rs, "raised_at"),
                instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"),
                rs.getString("ack_comment"),
                Decimals.plain(rs.getBigDecimal("qty_at_resolve")),
                instant(rs, "resolved_at"),
                rs.getString("resolved_by"),
                rs.getString("resolve_comment"),
                (Long) rs.getObject("rule_id", Long.class),
                rs.getString("severity"),
                message(rs));
    }

    /** A rule alert's message in the reader's language (both were rendered when it was raised); null for the others. */
    private static String message(ResultSet rs) throws SQLException {
        boolean zh = "zh"
                .equals(org.springframework.context.i18n.LocaleContextHolder.getLocale()
                        .getLanguage());
        String first = rs.getString(zh ? "message_zh" : "message_en");
        return first != null ? first : rs.getString(zh ? "message_en" : "message_zh");
    }

    /**
     * Inserts a RULE alert unless an open one of the rule, subject and window exists already (open key
     * "RULE:item:warehouse:rule:window", unique); returns its id, or null for the duplicate.
     */
    public Long insertRuleAlert(
            long ruleId,
            long itemId,
            long warehouseId,
            String window,
            String severity,
            String messageEn,
            String messageZh,
            BigDecimal stock,
            Instant now) {
        String key = "RULE:" + itemId + ":" + warehouseId + ":" + ruleId + ":" + window;
        // the caller (the rules engine) acts once per rule, subject and window already (rule_firing); the key guards
        // a direct second call while the first alert is still open
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM stock_alert WHERE open_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            return null;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO stock_alert (alert_type, item_id, warehouse_id, supplier_id, status, open_key, qty_at_raise,
                                         line_qty, raised_at, rule_id, severity, message_en, message_zh)
                VALUES ('RULE', :item, :wh, NULL, 'OPEN', :key, :qty, 0, :now, :rule, :severity, :en, :zh)""")
                .param("item", itemId)
                .param("wh", warehouseId)
                .param("key", key)
                .param("qty", stock)
                .param("now", Timestamp.from(now))
                .param("rule", ruleId)
                .param("severity", severity)
                .param("en", messageEn)
                .param("zh", messageZh)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        recordRaises(List.of(find(id, PartyScope.ALL).orElseThrow()));
        return id;
    }

    /** The open RULE alerts of a rule on a subject, for resolving them. */
    public List<Long> openRuleAlerts(long ruleId, long itemId, long warehouseId) {
        return jdbc.sql("SELECT id FROM stock_alert WHERE alert_type = 'RULE' AND open_key IS NOT NULL "
                        + "AND rule_id = :rule AND item_id = :item AND warehouse_id = :wh ORDER BY id")
                .param("rule", ruleId)
                .param("item", itemId)
                .param("wh", warehouseId)
                .query(Long.class)
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
