package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.inventory.MovementFilter;
import org.openvmi.inventory.MovementView;
import org.openvmi.inventory.ReconcileReport;
import org.openvmi.inventory.StockFilter;
import org.openvmi.inventory.StockValueSummary;
import org.openvmi.inventory.StockView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read side of the ledger: stock with values, movement history, reconciliation. Reports may join master data. */
@Repository
public class StockQueryRepository {

    private static final String STOCK_FROM = """
            FROM stock_balance b
            JOIN item i ON i.id = b.item_id
            JOIN location l ON l.id = b.location_id
            JOIN warehouse w ON w.id = l.warehouse_id
            LEFT JOIN item_cost c ON c.item_id = b.item_id
            LEFT JOIN supplier_item sp ON sp.item_id = b.item_id AND sp.supplier_id = b.owner_supplier_id
            LEFT JOIN (SELECT tl.item_id, t.to_location_id, tl.owner, tl.lot,
                              SUM(tl.shipped_qty - tl.received_qty) AS qty
                       FROM stock_transfer_line tl JOIN stock_transfer t ON t.id = tl.transfer_id
                       WHERE t.status IN ('SHIPPED', 'PARTIALLY_RECEIVED')
                       GROUP BY tl.item_id, t.to_location_id, tl.owner, tl.lot) tr
                   ON tr.item_id = b.item_id AND tr.to_location_id = b.location_id AND tr.owner = b.owner
                  AND tr.lot = b.lot""";

    private static final String STOCK_SELECT = """
            SELECT i.code AS item, i.name AS item_name, i.uom, w.code AS warehouse, l.code AS location, b.owner,
                   b.lot, b.on_hand, b.reserved, COALESCE(c.average_cost, i.unit_cost) AS own_cost,
                   sp.price AS consignment_price, COALESCE(tr.qty, 0) AS in_transit
            """;

    /**
     * For a supplier caller, whether the reason of a movement must be replaced by a neutral text: the buyer's side of
     * an ownership transfer reads "ownership from S008 (CONSUMPTION)", which names the supplier that gave up the
     * stock; only that supplier reads it. 1 = mask.
     */
    private static String reasonMasked(PartyScope scope) {
        if (scope.seesAll()) {
            return "0";
        }
        return "CASE WHEN m.owner = 'OWN' AND m.type = 'OWNERSHIP_TRANSFER' AND NOT EXISTS (SELECT 1 FROM stock_movement pm"
                + " JOIN stock_balance pb ON pb.id = pm.balance_id WHERE pm.posting_id = m.posting_id"
                + " AND pm.type = 'OWNERSHIP_TRANSFER' AND pm.item_id = m.item_id AND pm.location_id = m.location_id"
                + " AND pm.lot = m.lot AND " + scope.predicate("pb.owner_supplier_id") + ") THEN 1 ELSE 0 END";
    }

    private static String stockSelect(PartyScope scope) {
        return STOCK_SELECT + ", " + SupplierScopeSql.lotHidden(scope, "b.owner", "b.item_id", "b.lot")
                + " AS lot_hidden ";
    }

    private static String movementSelect(PartyScope scope) {
        return MOVEMENT_SELECT + ", " + SupplierScopeSql.lotHidden(scope, "m.owner", "m.item_id", "m.lot")
                + " AS lot_hidden, " + reasonMasked(scope) + " AS reason_masked";
    }

    private static final String STOCK_ORDER = " ORDER BY i.code, w.code, l.code, b.owner, b.lot";
    /** The stock list's sortable columns (URL key, SQL); by default the order of {@link #STOCK_ORDER}. */
    static final SortColumns STOCK_SORT = SortColumns.of(
            STOCK_ORDER.substring(" ORDER BY ".length()),
            "b.id",
            "item",
            "i.code",
            "name",
            "i.name",
            "warehouse",
            "w.code",
            "location",
            "l.code",
            "owner",
            "b.owner",
            "lot",
            "b.lot",
            "onhand",
            "b.on_hand",
            "reserved",
            "b.reserved",
            "available",
            "b.on_hand - b.reserved",
            "intransit",
            "COALESCE(tr.qty, 0)");

    private static final String MOVEMENT_SELECT =
            "SELECT m.*, i.code AS item_code, l.code AS location_code, w.code AS warehouse_code";

    private static final String MOVEMENT_FROM = " FROM stock_movement m JOIN item i ON i.id = m.item_id"
            + " JOIN location l ON l.id = m.location_id JOIN warehouse w ON w.id = l.warehouse_id";

    private static final String MOVEMENT_ORDER = " ORDER BY m.id DESC";
    /** The movement list's sortable columns (URL key, SQL); by default the newest first. */
    static final SortColumns MOVEMENT_SORT = SortColumns.of(
            "m.id DESC",
            "m.id",
            "posted",
            "m.posted_at",
            "posting",
            "m.posting_id",
            "type",
            "m.type",
            "item",
            "i.code",
            "warehouse",
            "w.code",
            "location",
            "l.code",
            "owner",
            "m.owner",
            "lot",
            "m.lot",
            "qty",
            "m.qty",
            "reference",
            "m.reference",
            "user",
            "m.username");

    /** Rows fetched per round trip when streaming exports (PostgreSQL otherwise reads the whole result at once). */
    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    StockQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A WHERE clause with its named parameters. */
    private record Where(String sql, Map<String, Object> params) {}

    public PageResult<StockView> stock(StockFilter f, PageRequest page, PartyScope scope) {
        Where w = stockWhere(f, scope);
        long total = jdbc.sql("SELECT COUNT(*) " + STOCK_FROM + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
        List<StockView> rows = jdbc.sql(stockSelect(scope) + STOCK_FROM + w.sql() + STOCK_SORT.orderBy(page)
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> stockRow(rs, scope))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long countStock(StockFilter f, PartyScope scope) {
        Where w = stockWhere(f, scope);
        return jdbc.sql("SELECT COUNT(*) " + STOCK_FROM + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
    }

    /** Every matching balance, at most maxRows, streamed row by row (for exports) in the order of the list. */
    public void forEachStock(StockFilter f, PartyScope scope, int maxRows, Consumer<StockView> sink) {
        Where w = stockWhere(f, scope);
        jdbc.sql(stockSelect(scope) + STOCK_FROM + w.sql() + STOCK_ORDER)
                .params(w.params())
                .withFetchSize(FETCH_SIZE)
                .withMaxRows(maxRows)
                .query((RowCallbackHandler) rs -> sink.accept(stockRow(rs, scope)));
    }

    /** Own and consignment value of the matching balances, per warehouse. */
    public StockValueSummary stockValue(StockFilter f, PartyScope scope) {
        Where w = stockWhere(f, scope);
        List<StockValueSummary.WarehouseValue> warehouses = new ArrayList<>();
        long[] counts = new long[2];
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};
        Map<String, BigDecimal[]> byWarehouse = new java.util.LinkedHashMap<>();
        // the buyer's moving average cost is its own business and, after a receipt or consumed consignment of
        // another supplier, that supplier's price: a supplier caller sees its own consignment valued, not own stock
        String ownCost = scope.seesAll() ? "COALESCE(c.average_cost, i.unit_cost)" : "CAST(NULL AS NUMERIC(19, 4))";
        // own stock is not valued for a supplier by design, so it is not "unvalued" either: the hint counts only
        // lines that lack a price the caller could see (its own consignment without a supplier price)
        String unvalued = scope.seesAll()
                ? "CASE WHEN (CASE WHEN b.owner = 'OWN' THEN COALESCE(c.average_cost, i.unit_cost) ELSE sp.price END) IS NULL THEN 1 ELSE 0 END"
                : "CASE WHEN b.owner <> 'OWN' AND sp.price IS NULL THEN 1 ELSE 0 END";
        jdbc.sql(("""
                SELECT wh_code, own_flag, SUM(line_value) AS total_value, COUNT(*) AS line_count,
                       SUM(unvalued_flag) AS unvalued_count FROM (
                  SELECT w.code AS wh_code, CASE WHEN b.owner = 'OWN' THEN 1 ELSE 0 END AS own_flag,
                         ROUND(b.on_hand * (CASE WHEN b.owner = 'OWN' THEN COALESCE(c.average_cost, i.unit_cost)
                                                 ELSE sp.price END), 2) AS line_value,
                         %s AS unvalued_flag
                """.formatted(unvalued) + STOCK_FROM + w.sql() + """
                ) t GROUP BY wh_code, own_flag ORDER BY wh_code, own_flag""")
                        .replace("COALESCE(c.average_cost, i.unit_cost)", ownCost))
                .params(w.params())
                .query((RowCallbackHandler) rs -> {
                    boolean own = rs.getInt("own_flag") == 1;
                    BigDecimal value = rs.getBigDecimal("total_value");
                    value = value == null ? BigDecimal.ZERO : value;
                    byWarehouse
                            .computeIfAbsent(
                                    rs.getString("wh_code"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[
                            own ? 0 : 1] = value;
                    totals[own ? 0 : 1] = totals[own ? 0 : 1].add(value);
                    counts[0] += rs.getLong("line_count");
                    counts[1] += rs.getLong("unvalued_count");
                });
        byWarehouse.forEach(
                (code, v) -> warehouses.add(new StockValueSummary.WarehouseValue(code, money(v[0]), money(v[1]))));
        return new StockValueSummary(money(totals[0]), money(totals[1]), counts[0], counts[1], warehouses);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static Where stockWhere(StockFilter f, PartyScope scope) {
        List<String> where = new ArrayList<>(List.of(CatalogRefs.itemPredicate("b.item_id", scope)));
        // a supplier sees the buyer's own stock of its items and its own consignment, never another supplier's
        where.add(SupplierScopeSql.ownerVisible(scope, "b.owner_supplier_id"));
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        if (!f.includeZero()) {
            where.add("(b.on_hand <> 0 OR b.reserved <> 0 OR COALESCE(tr.qty, 0) <> 0)");
        }
        add(where, params, f.item(), "i.code = :item", "item");
        itemText(where, params, f.text());
        add(where, params, f.warehouse(), "w.code = :warehouse", "warehouse");
        add(where, params, f.location(), "l.code = :location", "location");
        owner(where, params, f.owner(), "b.owner");
        return new Where(" WHERE " + String.join(" AND ", where), params);
    }

    /** Code or name contain the text (case-insensitive), or a barcode of the item is the text. */
    private static void itemText(List<String> where, Map<String, Object> params, String text) {
        if (text != null && !text.isBlank()) {
            where.add("(LOWER(i.code) LIKE :text ESCAPE '\\' OR LOWER(i.name) LIKE :text ESCAPE '\\' OR EXISTS "
                    + "(SELECT 1 FROM item_barcode ib WHERE ib.item_id = i.id AND ib.barcode = :textExact))");
            String t = text.trim();
            params.put(
                    "text",
                    "%"
                            + t.toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
            params.put("textExact", t);
        }
    }

    private static void owner(List<String> where, Map<String, Object> params, String owner, String column) {
        if (owner != null && !owner.isBlank()) {
            if ("CONSIGNMENT".equalsIgnoreCase(owner.trim())) {
                where.add(column + " <> 'OWN'");
            } else {
                where.add(column + " = :owner");
                params.put("owner", owner.trim());
            }
        }
    }

    /** A supplier caller sees neither the value of the buyer's own stock nor a lot it did not deliver itself. */
    private static StockView stockRow(ResultSet rs, PartyScope scope) throws SQLException {
        BigDecimal onHand = rs.getBigDecimal("on_hand");
        BigDecimal reserved = rs.getBigDecimal("reserved");
        boolean own = "OWN".equals(rs.getString("owner"));
        BigDecimal unit =
                own ? (scope.seesAll() ? rs.getBigDecimal("own_cost") : null) : rs.getBigDecimal("consignment_price");
        BigDecimal value = unit == null ? null : unit.multiply(onHand).setScale(2, RoundingMode.HALF_UP);
        String lot = rs.getInt("lot_hidden") == 1 ? null : rs.getString("lot");
        return new StockView(
                rs.getString("item"),
                rs.getString("item_name"),
                rs.getString("uom"),
                rs.getString("warehouse"),
                rs.getString("location"),
                rs.getString("owner"),
                lot == null || lot.isEmpty() ? null : lot,
                Decimals.plain(onHand),
                Decimals.plain(reserved),
                Decimals.plain(onHand.subtract(reserved)),
                Decimals.plain(rs.getBigDecimal("in_transit")),
                Decimals.plain(unit),
                value,
                own);
    }

    /**
     * Movements visible to the scope; for a supplier caller, a reason that names another supplier is replaced by
     * {@code maskedReason} (a neutral text in the caller's language), a lot it did not deliver is left out and the
     * unit cost of the buyer's own receipts (a purchase order's price) is not shown.
     */
    public PageResult<MovementView> movements(
            MovementFilter f, PageRequest page, PartyScope scope, String maskedReason) {
        Where w = movementWhere(f, scope);
        long total = jdbc.sql("SELECT COUNT(*)" + MOVEMENT_FROM + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
        List<MovementView> rows = jdbc.sql(movementSelect(scope) + MOVEMENT_FROM + w.sql() + MOVEMENT_SORT.orderBy(page)
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> movementRow(rs, scope, maskedReason))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long countMovements(MovementFilter f, PartyScope scope) {
        Where w = movementWhere(f, scope);
        return jdbc.sql("SELECT COUNT(*)" + MOVEMENT_FROM + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
    }

    /** Every matching movement, at most maxRows, newest first, streamed row by row (for exports). */
    public void forEachMovement(
            MovementFilter f, PartyScope scope, String maskedReason, int maxRows, Consumer<MovementView> sink) {
        Where w = movementWhere(f, scope);
        jdbc.sql(movementSelect(scope) + MOVEMENT_FROM + w.sql() + MOVEMENT_ORDER)
                .params(w.params())
                .withFetchSize(FETCH_SIZE)
                .withMaxRows(maxRows)
                .query((RowCallbackHandler) rs -> sink.accept(movementRow(rs, scope, maskedReason)));
    }

    private static Where movementWhere(MovementFilter f, PartyScope scope) {
        List<String> where = new ArrayList<>(List.of(CatalogRefs.itemPredicate("m.item_id", scope)));
        if (!scope.seesAll()) {
            where.add("(m.owner = 'OWN' OR EXISTS (SELECT 1 FROM stock_balance ob WHERE ob.id = m.balance_id AND "
                    + scope.predicate("ob.owner_supplier_id") + "))");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        add(where, params, f.item(), "i.code = :item", "item");
        itemText(where, params, f.text());
        add(where, params, f.warehouse(), "w.code = :warehouse", "warehouse");
        add(where, params, f.location(), "l.code = :location", "location");
        owner(where, params, f.owner(), "m.owner");
        add(where, params, f.type(), "m.type = :type", "type");
        add(where, params, f.reference(), "m.reference = :reference", "reference");
        if (f.posting() != null) {
            where.add("m.posting_id = :posting");
            params.put("posting", f.posting());
        }
        if (f.from() != null) {
            where.add("m.posted_at >= :from");
            params.put("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.add("m.posted_at < :to");
            params.put("to", Timestamp.from(f.to()));
        }
        return new Where(" WHERE " + String.join(" AND ", where), params);
    }

    private static void add(
            List<String> where, Map<String, Object> params, String value, String predicate, String name) {
        if (value != null && !value.isBlank()) {
            where.add(predicate);
            params.put(name, value.trim());
        }
    }

    private static MovementView movementRow(ResultSet rs, PartyScope scope, String maskedReason) throws SQLException {
        String lot = rs.getInt("lot_hidden") == 1 ? null : rs.getString("lot");
        boolean own = "OWN".equals(rs.getString("owner"));
        return new MovementView(
                rs.getLong("id"),
                rs.getLong("posting_id"),
                rs.getString("type"),
                rs.getString("item_code"),
                rs.getString("warehouse_code"),
                rs.getString("location_code"),
                rs.getString("owner"),
                lot == null || lot.isEmpty() ? null : lot,
                Decimals.plain(rs.getBigDecimal("qty")),
                own && !scope.seesAll() ? null : Decimals.plain(rs.getBigDecimal("unit_cost")),
                rs.getString("reference"),
                rs.getInt("reason_masked") == 1 ? maskedReason : rs.getString("reason"),
                rs.getString("username"),
                rs.getTimestamp("posted_at").toInstant());
    }

    /** Invariants 1–3 of the architecture: on hand = Σ movements; no negative stock; reserved ≤ on hand. */
    public ReconcileReport reconcile() {
        long checked =
                jdbc.sql("SELECT COUNT(*) FROM stock_balance").query(Long.class).single();
        List<ReconcileReport.Break> breaks = new ArrayList<>();
        jdbc.sql("""
                SELECT i.code AS item, l.code AS location, b.owner, b.lot, b.on_hand, b.reserved,
                       COALESCE(s.total, 0) AS ledger_sum, l.allow_negative
                FROM stock_balance b
                JOIN item i ON i.id = b.item_id JOIN location l ON l.id = b.location_id
                LEFT JOIN (SELECT balance_id, SUM(qty) AS total FROM stock_movement GROUP BY balance_id) s
                       ON s.balance_id = b.id
                WHERE b.on_hand <> COALESCE(s.total, 0)
                   OR (NOT l.allow_negative AND (b.on_hand < 0 OR b.reserved > b.on_hand))
                   OR b.reserved < 0
                ORDER BY i.code, l.code""")
                .query((rs, n) -> {
                    BigDecimal onHand = rs.getBigDecimal("on_hand");
                    BigDecimal reserved = rs.getBigDecimal("reserved");
                    BigDecimal sum = rs.getBigDecimal("ledger_sum");
                    String invariant;
                    String detail;
                    if (onHand.compareTo(sum) != 0) {
                        invariant = "BALANCE_EQUALS_LEDGER";
                        detail =
                                "on hand " + onHand.toPlainString() + " but movements add up to " + sum.toPlainString();
                    } else if (onHand.signum() < 0) {
                        invariant = "NO_NEGATIVE_STOCK";
                        detail = "on hand is negative at a location that does not allow it";
                    } else {
                        invariant = "RESERVED_WITHIN_ON_HAND";
                        detail = "reserved " + reserved.toPlainString() + " exceeds on hand " + onHand.toPlainString();
                    }
                    return breaks.add(new ReconcileReport.Break(
                            invariant,
                            rs.getString("item"),
                            rs.getString("location"),
                            rs.getString("owner"),
                            rs.getString("lot"),
                            Decimals.plain(onHand),
                            Decimals.plain(reserved),
                            Decimals.plain(sum),
                            detail));
                })
                .list();
        return new ReconcileReport(breaks.isEmpty(), checked, breaks);
    }

    public java.math.BigDecimal onHand(org.openvmi.inventory.ItemWarehouse subject) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN location l ON l.id = b.location_id
                WHERE b.item_id = :i AND l.warehouse_id = :w AND l.type <> 'IN_TRANSIT'""")
                .param("i", subject.itemId())
                .param("w", subject.warehouseId())
                .query(java.math.BigDecimal.class)
                .single();
    }

    public java.util.SortedMap<java.time.LocalDate, java.math.BigDecimal> dailyNetMovement(
            org.openvmi.inventory.ItemWarehouse subject, java.time.Instant from, java.time.ZoneId zone) {
        java.util.SortedMap<java.time.LocalDate, java.math.BigDecimal> days = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT m.posted_at, m.qty FROM stock_movement m JOIN location l ON l.id = m.location_id
                WHERE m.item_id = :i AND l.warehouse_id = :w AND l.type <> 'IN_TRANSIT' AND m.posted_at >= :from""")
                .param("i", subject.itemId())
                .param("w", subject.warehouseId())
                .param("from", java.sql.Timestamp.from(from))
                .query((rs, n) -> days.merge(
                        rs.getTimestamp("posted_at").toInstant().atZone(zone).toLocalDate(),
                        rs.getBigDecimal("qty"),
                        java.math.BigDecimal::add))
                .list();
        return days;
    }

    public java.util.Map<org.openvmi.inventory.ItemWarehouse, java.math.BigDecimal> onHand(
            java.util.Collection<org.openvmi.inventory.ItemWarehouse> subjects) {
        java.util.Map<org.openvmi.inventory.ItemWarehouse, java.math.BigDecimal> result = new java.util.HashMap<>();
        if (subjects.isEmpty()) {
            return result;
        }
        java.util.Set<Long> items = new java.util.TreeSet<>();
        java.util.Set<Long> warehouses = new java.util.TreeSet<>();
        subjects.forEach(s -> {
            items.add(s.itemId());
            warehouses.add(s.warehouseId());
        });
        jdbc.sql("""
                SELECT b.item_id, l.warehouse_id, SUM(b.on_hand) AS qty
                FROM stock_balance b JOIN location l ON l.id = b.location_id
                WHERE b.item_id IN (:items) AND l.warehouse_id IN (:warehouses) AND l.type <> 'IN_TRANSIT'
                GROUP BY b.item_id, l.warehouse_id""")
                .param("items", items)
                .param("warehouses", warehouses)
                .query((rs, n) -> {
                    var subject =
                            new org.openvmi.inventory.ItemWarehouse(rs.getLong("item_id"), rs.getLong("warehouse_id"));
                    if (subjects.contains(subject)) {
                        result.put(subject, rs.getBigDecimal("qty"));
                    }
                    return null;
                })
                .list();
        return result;
    }

    public java.util.List<org.openvmi.inventory.FreeStock> freeStock(
            java.util.Collection<Long> itemIds, java.util.Collection<Long> warehouseIds) {
        if (itemIds.isEmpty() || warehouseIds.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql("""
                SELECT b.item_id, l.warehouse_id, l.code AS location, b.lot, b.on_hand - b.reserved AS free
                FROM stock_balance b JOIN location l ON l.id = b.location_id
                WHERE b.item_id IN (:items) AND l.warehouse_id IN (:warehouses) AND l.type <> 'IN_TRANSIT'
                  AND b.owner = 'OWN' AND b.on_hand - b.reserved > 0
                ORDER BY b.item_id, l.warehouse_id, b.on_hand - b.reserved DESC, l.code, b.lot""")
                .param("items", itemIds)
                .param("warehouses", warehouseIds)
                .query((rs, n) -> new org.openvmi.inventory.FreeStock(
                        rs.getLong("item_id"),
                        rs.getLong("warehouse_id"),
                        rs.getString("location"),
                        rs.getString("lot"),
                        rs.getBigDecimal("free")))
                .list();
    }
}
