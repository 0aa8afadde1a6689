package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.planning.SuggestionView;
import org.openvmi.planning.model.Proposal;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SuggestionRepository {

    /** Our table only; codes and names of a page come from catalog afterwards (ADR 0052). */
    private static final String FROM = " FROM planning_suggestion s";
    /** The suggestion list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "s.id DESC",
            "s.id",
            "type",
            "s.type",
            "status",
            "s.status",
            "item",
            CatalogRefs.itemCode("s.item_id"),
            "warehouse",
            CatalogRefs.warehouseCode("s.warehouse_id"),
            "qty",
            "s.qty",
            "supplier",
            CatalogRefs.supplierCode("s.supplier_id"));

    private static final String COLUMNS = "SELECT s.*";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    SuggestionRepository(JdbcTemplate template, JdbcClient jdbc, CatalogRefs catalog) {
        this.template = template;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A suggestion before catalog's codes: its catalog ids and the view without codes. */
    private record Row(long itemId, long warehouseId, Long supplierId, Long fromWarehouseId, SuggestionView view) {}

    /** The rows with item code and name, warehouse, supplier and source warehouse codes: one catalog query per kind. */
    private List<SuggestionView> withCodes(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> itemIds = new java.util.TreeSet<>();
        java.util.Set<Long> warehouseIds = new java.util.TreeSet<>();
        java.util.Set<Long> supplierIds = new java.util.TreeSet<>();
        for (Row r : rows) {
            itemIds.add(r.itemId());
            warehouseIds.add(r.warehouseId());
            if (r.fromWarehouseId() != null) {
                warehouseIds.add(r.fromWarehouseId());
            }
            if (r.supplierId() != null) {
                supplierIds.add(r.supplierId());
            }
        }
        var items = catalog.itemsById(itemIds);
        var warehouses = catalog.warehousesById(warehouseIds);
        var suppliers = catalog.suppliersById(supplierIds);
        return rows.stream()
                .map(r -> {
                    SuggestionView v = r.view();
                    var i = items.get(r.itemId());
                    var sp = r.supplierId() == null ? null : suppliers.get(r.supplierId());
                    var fw = r.fromWarehouseId() == null ? null : warehouses.get(r.fromWarehouseId());
                    return new SuggestionView(
                            v.id(),
                            v.runId(),
                            v.type(),
                            v.status(),
                            i.code(),
                            i.name(),
                            warehouses.get(r.warehouseId()).code(),
                            sp == null ? null : sp.code(),
                            fw == null ? null : fw.code(),
                            v.qty(),
                            v.neededQty(),
                            v.forecastQty(),
                            v.horizonDays(),
                            v.onHand(),
                            v.inTransit(),
                            v.onOrder(),
                            v.committed(),
                            v.reserved(),
                            v.leadTimeDays(),
                            v.leadTimeSd(),
                            v.serviceLevel(),
                            v.safety(),
                            v.reorderPoint(),
                            v.orderUpTo(),
                            v.moq(),
                            v.packSize(),
                            v.sourceAvailable(),
                            v.sourceMax(),
                            v.reason(),
                            v.decisionReason(),
                            v.decidedBy(),
                            v.decidedAt(),
                            v.transferId(),
                            v.createdAt(),
                            v.rule());
                })
                .toList();
    }

    /** OPEN suggestions of earlier runs for the given item-warehouses become SUPERSEDED. */
    public int supersede(long runId, long minItem, long maxItem) {
        return jdbc.sql("""
                UPDATE planning_suggestion SET status = 'SUPERSEDED'
                WHERE status = 'OPEN' AND (run_id IS NULL OR run_id <> :run) AND item_id >= :lo AND item_id <= :hi
                  AND EXISTS (SELECT 1 FROM planning_forecast f WHERE f.run_id = :run AND f.item_id = planning_suggestion.item_id
                              AND f.warehouse_id = planning_suggestion.warehouse_id)""")
                .param("run", runId)
                .param("lo", minItem)
                .param("hi", maxItem)
                .update();
    }

    /**
     * Stores a rule's PURCHASE suggestion (no run: rule_id and rule_name instead) after superseding the OPEN
     * suggestions of the same item × warehouse, as a planning run does; returns its id. The horizon is the 30 days
     * of demand the rule saw; the stock lines stand for reorder point (warning) and order-up-to (max).
     */
    public long insertFromRule(org.openvmi.planning.RuleSuggestion r, Instant now) {
        jdbc.sql("""
                UPDATE planning_suggestion SET status = 'SUPERSEDED'
                WHERE status = 'OPEN' AND item_id = :item AND warehouse_id = :wh""").param("item", r.itemId()).param("wh", r.warehouseId()).update();
        String supplier = r.supplier() == null || r.supplier().isBlank() ? null : r.supplier();
        Long supplierId =
                supplier == null ? null : catalog.suppliers(List.of(supplier)).get(supplier);
        BigDecimal lead = BigDecimal.valueOf(r.leadTimeDays());
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO planning_suggestion (run_id, type, status, item_id, warehouse_id, supplier_id, qty,
                    forecast_qty, horizon_days, on_hand, in_transit, reserved, lead_time_days, lead_time_sd,
                    service_level, safety, reorder_point, order_up_to, needed_qty, created_at, lead_time_supplier_id,
                    on_order, committed, rule_id, rule_name)
                VALUES (NULL, 'PURCHASE', 'OPEN', :item, :wh, :sup, :qty,
                    :demand, 30, :onHand, :inTransit, :reserved, :lead, 0, 0, :safety, :warning, :max, :qty, :now,
                    :sup, :onOrder, :committed, :rule, :name)""")
                .param("item", r.itemId())
                .param("wh", r.warehouseId())
                .param("sup", supplierId)
                .param("qty", r.qty())
                .param("demand", r.demand30d())
                .param("onHand", r.onHand())
                .param("inTransit", r.inTransit())
                .param("reserved", r.reserved())
                .param("lead", lead)
                .param("safety", r.safety())
                .param("warning", r.warning())
                .param("max", r.max())
                .param("now", Timestamp.from(now))
                .param("onOrder", r.onOrder())
                .param("committed", r.committed())
                .param("rule", r.ruleId())
                .param("name", r.ruleName())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A rule's transfer suggestion (see {@code Suggestions.suggestTransfer}), superseding the subject's OPEN ones. */
    public long insertTransferFromRule(
            org.openvmi.planning.RuleTransfer r, BigDecimal sourceAvailable, BigDecimal sourceMax, Instant now) {
        jdbc.sql("""
                UPDATE planning_suggestion SET status = 'SUPERSEDED'
                WHERE status = 'OPEN' AND item_id = :item AND warehouse_id = :wh""").param("item", r.itemId()).param("wh", r.warehouseId()).update();
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO planning_suggestion (run_id, type, status, item_id, warehouse_id, from_warehouse_id, qty,
                    forecast_qty, horizon_days, on_hand, in_transit, reserved, lead_time_days, lead_time_sd,
                    service_level, safety, reorder_point, order_up_to, needed_qty, source_available, source_max,
                    created_at, on_order, committed, rule_id, rule_name)
                VALUES (NULL, 'TRANSFER', 'OPEN', :item, :wh, :from, :qty,
                    :demand, 30, :onHand, :inTransit, :reserved, 0, 0, 0, :safety, :warning, :max, :qty, :srcAvail,
                    :srcMax, :now, :onOrder, :committed, :rule, :name)""")
                .param("item", r.itemId())
                .param("wh", r.warehouseId())
                .param("from", r.fromWarehouseId())
                .param("qty", r.qty())
                .param("demand", r.demand30d())
                .param("onHand", r.onHand())
                .param("inTransit", r.inTransit())
                .param("reserved", r.reserved())
                .param("safety", r.safety())
                .param("warning", r.warning())
                .param("max", r.max())
                .param("srcAvail", sourceAvailable)
                .param("srcMax", sourceMax)
                .param("now", Timestamp.from(now))
                .param("onOrder", r.onOrder())
                .param("committed", r.committed())
                .param("rule", r.ruleId())
                .param("name", r.ruleName())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insert(long runId, List<Proposal> proposals, Instant now) {
        if (proposals.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO planning_suggestion (run_id, type, status, item_id, warehouse_id, supplier_id, from_warehouse_id,
                    qty, forecast_qty, horizon_days, on_hand, in_transit, reserved, lead_time_days, lead_time_sd,
                    service_level, safety, reorder_point, order_up_to, needed_qty, moq, pack_size, source_available,
                    source_max, created_at, lead_time_supplier_id, on_order, committed)
                VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", proposals, proposals.size(), (PreparedStatement ps, Proposal p) -> {
            var in = p.plan().input();
            ps.setLong(1, runId);
            ps.setString(2, p.type().name());
            ps.setLong(3, in.itemId());
            ps.setLong(4, in.warehouseId());
            setLong(ps, 5, p.supplierId());
            setLong(ps, 6, p.fromWarehouseId());
            ps.setBigDecimal(7, p.qty());
            ps.setBigDecimal(8, p.plan().forecastOverHorizon());
            ps.setInt(9, in.horizonDays());
            ps.setBigDecimal(10, in.onHand());
            ps.setBigDecimal(11, in.inTransit());
            ps.setBigDecimal(12, in.reserved());
            ps.setBigDecimal(13, BigDecimal.valueOf(in.leadTime().meanDays()).setScale(2, RoundingMode.HALF_UP));
            ps.setBigDecimal(14, BigDecimal.valueOf(in.leadTime().sdDays()).setScale(2, RoundingMode.HALF_UP));
            ps.setBigDecimal(15, BigDecimal.valueOf(in.serviceLevel()));
            ps.setBigDecimal(16, p.plan().safety());
            ps.setBigDecimal(17, p.plan().reorderPoint());
            ps.setBigDecimal(18, p.plan().orderUpTo());
            ps.setBigDecimal(19, p.neededQty());
            ps.setBigDecimal(20, p.moq());
            ps.setBigDecimal(21, p.packSize());
            ps.setBigDecimal(22, p.sourceAvailable());
            ps.setBigDecimal(23, p.sourceMax());
            ps.setTimestamp(24, Timestamp.from(now));
            setLong(ps, 25, in.leadTime().supplierId());
            ps.setBigDecimal(26, in.onOrder());
            ps.setBigDecimal(27, in.committed());
        });
    }

    /**
     * The OPEN suggestions a run wrote for items {@code lo..hi} (one chunk: chunks of a run never share an item), in
     * id order, for the {@link org.openvmi.planning.SuggestionsCreated} event of the chunk's transaction.
     */
    public List<org.openvmi.planning.SuggestionsCreated.Created> createdByRun(long runId, long lo, long hi) {
        return jdbc.sql("""
                SELECT id, type, item_id, warehouse_id, supplier_id, from_warehouse_id, qty FROM planning_suggestion
                WHERE run_id = :run AND item_id >= :lo AND item_id <= :hi AND status = 'OPEN' ORDER BY id""")
                .param("run", runId)
                .param("lo", lo)
                .param("hi", hi)
                .query((rs, n) -> new org.openvmi.planning.SuggestionsCreated.Created(
                        rs.getLong("id"),
                        rs.getString("type"),
                        rs.getLong("item_id"),
                        rs.getLong("warehouse_id"),
                        rs.getObject("supplier_id", Long.class),
                        rs.getObject("from_warehouse_id", Long.class),
                        rs.getBigDecimal("qty"),
                        runId,
                        null,
                        null))
                .list();
    }

    /** A rule's suggestion as recorded by {@link #insertFromRule}. */
    public org.openvmi.planning.SuggestionsCreated.Created createdByRule(long id) {
        return jdbc.sql("""
                SELECT id, type, item_id, warehouse_id, supplier_id, qty, rule_id, rule_name FROM planning_suggestion
                WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new org.openvmi.planning.SuggestionsCreated.Created(
                        rs.getLong("id"),
                        rs.getString("type"),
                        rs.getLong("item_id"),
                        rs.getLong("warehouse_id"),
                        rs.getObject("supplier_id", Long.class),
                        null,
                        rs.getBigDecimal("qty"),
                        null,
                        rs.getObject("rule_id", Long.class),
                        rs.getString("rule_name")))
                .single();
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    /** {@code urgency} URGENT / NORMAL (see SuggestionUrgency) or null for both. */
    public record Filter(
            String type, String status, Long warehouseId, Long itemId, Long runId, Long supplierId, String urgency) {

        public Filter(String type, String status, Long warehouseId, Long itemId, Long runId) {
            this(type, status, warehouseId, itemId, runId, null, null);
        }
    }

    /** The inventory position at or below the safety stock: the suggestion is URGENT. */
    private static final String URGENT = "(COALESCE(s.on_hand, 0) + COALESCE(s.on_order, 0) - COALESCE(s.committed, 0)"
            + " - COALESCE(s.reserved, 0)) <= COALESCE(s.safety, 0)";

    /**
     * Which suggestions a caller sees: the buyer side all of them; a supplier only those that would order from
     * itself (PURCHASE or VMI_REPLENISHMENT with its own supplier id). A suggestion to another supplier names that
     * supplier with its lead time, MOQ and pack, and a TRANSFER is the buyer's own business between warehouses,
     * so neither is shown to a supplier (ADR 0004 addendum).
     */
    static String scopePredicate(PartyScope scope) {
        if (scope.seesAll()) {
            return "1=1";
        }
        return CatalogRefs.itemPredicate("s.item_id", scope) + " AND s.type IN ('PURCHASE', 'VMI_REPLENISHMENT') AND "
                + scope.predicate("s.supplier_id");
    }

    public PageResult<SuggestionView> find(Filter f, PageRequest page, PartyScope scope) {
        List<Object> args = new ArrayList<>();
        String scoped = where(f, scope, args);
        Long total = template.queryForObject("SELECT COUNT(*)" + FROM + scoped, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<SuggestionView> rows = withCodes(template.query(
                COLUMNS + FROM + scoped + SORT.orderBy(page) + " LIMIT ? OFFSET ?",
                (rs, n) -> row(rs, scope),
                pageArgs.toArray()));
        return new PageResult<>(rows, page.page(), page.size(), total == null ? 0 : total);
    }

    /** The ids of every suggestion matching the filter ("select all on this filter"), at most {@code limit}. */
    public List<Long> ids(Filter f, PartyScope scope, int limit) {
        List<Object> args = new ArrayList<>();
        String scoped = where(f, scope, args);
        args.add(limit);
        return template.queryForList(
                "SELECT s.id" + FROM + scoped + " ORDER BY s.id LIMIT ?", Long.class, args.toArray());
    }

    private static String where(Filter f, PartyScope scope, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE " + scopePredicate(scope));
        if (f.supplierId() != null) {
            where.append(" AND s.supplier_id = ?");
            args.add(f.supplierId());
        }
        if (f.urgency() != null) {
            where.append("URGENT".equals(f.urgency()) ? " AND " + URGENT : " AND NOT " + URGENT);
        }
        if (f.type() != null) {
            where.append(" AND s.type = ?");
            args.add(f.type());
        }
        if (f.status() != null) {
            where.append(" AND s.status = ?");
            args.add(f.status());
        }
        if (f.warehouseId() != null) {
            where.append(" AND s.warehouse_id = ?");
            args.add(f.warehouseId());
        }
        if (f.itemId() != null) {
            where.append(" AND s.item_id = ?");
            args.add(f.itemId());
        }
        if (f.runId() != null) {
            where.append(" AND s.run_id = ?");
            args.add(f.runId());
        }
        return where.toString().replace(":scopeSupplierId", String.valueOf(scope.supplierIdParam()));
    }

    public Optional<SuggestionView> find(long id, PartyScope scope) {
        return jdbc.sql(COLUMNS + FROM + " WHERE s.id = :id AND " + scopePredicate(scope))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> row(rs, scope))
                .optional()
                .map(r -> withCodes(List.of(r)).get(0));
    }

    /** The internal ids a suggestion's transfer needs. */
    public record Target(long itemId, long warehouseId, Long fromWarehouseId) {}

    public Optional<Target> target(long id) {
        return jdbc.sql("SELECT item_id, warehouse_id, from_warehouse_id FROM planning_suggestion WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class)))
                .optional();
    }

    /** OPEN → the new status; false when it was no longer OPEN (someone decided first). */
    public boolean decide(long id, String status, String reason, String user, Instant now) {
        return jdbc.sql("""
                UPDATE planning_suggestion SET status = :s, decision_reason = :r, decided_by = :u, decided_at = :now
                WHERE id = :id AND status = 'OPEN'""")
                        .param("s", status)
                        .param("r", reason)
                        .param("u", user)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    public void linkTransfer(long id, long transferId) {
        jdbc.sql("UPDATE planning_suggestion SET transfer_id = :t WHERE id = :id")
                .param("t", transferId)
                .param("id", id)
                .update();
    }

    public Collection<String> statusOf(long id) {
        return jdbc.sql("SELECT status FROM planning_suggestion WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .list();
    }

    /**
     * A suggestion to a supplier may have been planned with another supplier's lead time (a VMI item-warehouse
     * without receipts of the agreement's supplier keeps the primary source's): that supplier sees "-" instead.
     */
    private Row row(ResultSet rs, PartyScope scope) throws SQLException {
        return new Row(
                rs.getLong("item_id"),
                rs.getLong("warehouse_id"),
                rs.getObject("supplier_id", Long.class),
                rs.getObject("from_warehouse_id", Long.class),
                view(rs, scope));
    }

    private SuggestionView view(ResultSet rs, PartyScope scope) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        Long leadTimeSupplier = rs.getObject("lead_time_supplier_id", Long.class);
        boolean leadTimeShown = scope.seesAll() || (leadTimeSupplier != null && scope.sees(leadTimeSupplier));
        // on hand counts every owner's stock, other suppliers' consignment too, and the needed quantity is the max
        // minus on hand, on order (other suppliers' orders too), committed and reserved: from either a supplier could
        // subtract and read the others'
        // consignment, so it sees neither (ADR 0004 addendum); the reason then reads "on hand -"
        boolean stockShown = scope.seesAll();
        return new SuggestionView(
                rs.getLong("id"),
                rs.getLong("run_id"),
                rs.getString("type"),
                rs.getString("status"),
                null,
                null,
                null,
                null,
                null,
                d(rs, "qty"),
                stockShown ? d(rs, "needed_qty") : null,
                d(rs, "forecast_qty"),
                rs.getInt("horizon_days"),
                stockShown ? d(rs, "on_hand") : null,
                d(rs, "in_transit"),
                stockShown ? d(rs, "on_order") : null,
                stockShown ? d(rs, "committed") : null,
                d(rs, "reserved"),
                leadTimeShown ? d(rs, "lead_time_days") : null,
                leadTimeShown ? d(rs, "lead_time_sd") : null,
                d(rs, "service_level"),
                d(rs, "safety"),
                d(rs, "reorder_point"),
                d(rs, "order_up_to"),
                d(rs, "moq"),
                d(rs, "pack_size"),
                d(rs, "source_available"),
                d(rs, "source_max"),
                null,
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                (Long) rs.getObject("transfer_id", Long.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("rule_name"));
    }

    private static BigDecimal d(ResultSet rs, String column) throws SQLException {
        return Decimals.plain(rs.getBigDecimal(column));
    }
}
