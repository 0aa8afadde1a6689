package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
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

/**
 * Read side of the ledger: stock with values, movement history, reconciliation. The SQL reads the ledger's own tables;
 * item, location and warehouse codes, units, unit costs and supplier prices come from catalog's API for each page or
 * chunk of rows (ADR 0068), and where a list filters or sorts by a catalog attribute the SQL takes a fragment catalog
 * hands out ({@link CatalogRefs#itemCode}, {@link CatalogRefs#locationInWarehouseCoded} …, ADR 0052).
 */
@Repository
public class StockQueryRepository {

    private static final String STOCK_FROM = """
            FROM stock_balance b
            LEFT JOIN item_cost c ON c.item_id = b.item_id
            LEFT JOIN (SELECT tl.item_id, t.to_location_id, tl.owner, tl.lot,
                              SUM(tl.shipped_qty - tl.received_qty) AS qty
                       FROM stock_transfer_line tl JOIN stock_transfer t ON t.id = tl.transfer_id
                       WHERE t.status IN ('SHIPPED', 'PARTIALLY_RECEIVED')
                       GROUP BY tl.item_id, t.to_location_id, tl.owner, tl.lot) tr
                   ON tr.item_id = b.item_id AND tr.to_location_id = b.location_id AND tr.owner = b.owner
                  AND tr.lot = b.lot""";

    private static final String STOCK_SELECT = """
            SELECT b.item_id, b.location_id, b.owner_supplier_id, b.owner, b.lot, b.on_hand, b.reserved,
                   c.average_cost, COALESCE(tr.qty, 0) AS in_transit
            """;

    /** Rows enriched with catalog's data per chunk when streamed (one query per kind and chunk). */
    private static final int CHUNK = 1_000;

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

    private static final String STOCK_ORDER = " ORDER BY " + CatalogRefs.itemCode("b.item_id") + ", "
            + CatalogRefs.locationWarehouseCode("b.location_id") + ", " + CatalogRefs.locationCode("b.location_id")
            + ", b.owner, b.lot";
    /** The stock list's sortable columns (URL key, SQL); by default the order of {@link #STOCK_ORDER}. */
    static final SortColumns STOCK_SORT = SortColumns.of(
            STOCK_ORDER.substring(" ORDER BY ".length()),
            "b.id",
            "item",
            CatalogRefs.itemCode("b.item_id"),
            "name",
            CatalogRefs.itemName("b.item_id"),
            "warehouse",
            CatalogRefs.locationWarehouseCode("b.location_id"),
            "location",
            CatalogRefs.locationCode("b.location_id"),
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

    private static final String MOVEMENT_SELECT = "SELECT m.*";

    private static final String MOVEMENT_FROM = " FROM stock_movement m";

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
            CatalogRefs.itemCode("m.item_id"),
            "warehouse",
            CatalogRefs.locationWarehouseCode("m.location_id"),
            "location",
            CatalogRefs.locationCode("m.location_id"),
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
    private final CatalogRefs catalog;

    StockQueryRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A WHERE clause with its named parameters. */
    private record Where(String sql, Map<String, Object> params) {}

    /** A balance as read from the ledger's tables, before catalog's codes, units and prices are added. */
    private record BalanceRow(
            long itemId,
            long locationId,
            Long ownerSupplierId,
            String owner,
            String lot,
            BigDecimal onHand,
            BigDecimal reserved,
            BigDecimal averageCost,
            BigDecimal inTransit,
            boolean lotHidden) {

        static BalanceRow of(ResultSet rs) throws SQLException {
            return new BalanceRow(
                    rs.getLong("item_id"),
                    rs.getLong("location_id"),
                    rs.getObject("owner_supplier_id", Long.class),
                    rs.getString("owner"),
                    rs.getString("lot"),
                    rs.getBigDecimal("on_hand"),
                    rs.getBigDecimal("reserved"),
                    rs.getBigDecimal("average_cost"),
                    rs.getBigDecimal("in_transit"),
                    rs.getInt("lot_hidden") == 1);
        }

        boolean own() {
            return "OWN".equals(owner);
        }
    }

    /** What catalog knows of a chunk of balances: items, locations and the owning suppliers' prices. */
    private record Refs(
            Map<Long, ItemRef> items,
            Map<Long, LocationRef> locations,
            Map<Long, Map<Long, CatalogRefs.SourceTerms>> terms) {

        BigDecimal ownCost(BalanceRow b) {
            ItemRef item = items.get(b.itemId());
            return b.averageCost() != null ? b.averageCost() : item == null ? null : item.unitCost();
        }

        BigDecimal consignmentPrice(BalanceRow b) {
            if (b.ownerSupplierId() == null) {
                return null;
            }
            CatalogRefs.SourceTerms t =
                    terms.getOrDefault(b.ownerSupplierId(), Map.of()).get(b.itemId());
            return t == null ? null : t.price();
        }

        String warehouse(long locationId) {
            LocationRef l = locations.get(locationId);
            return l == null ? null : l.warehouse();
        }

        String location(long locationId) {
            LocationRef l = locations.get(locationId);
            return l == null ? null : l.code();
        }
    }

    private Refs refs(Collection<BalanceRow> rows) {
        Set<Long> items = new HashSet<>();
        Set<Long> locations = new HashSet<>();
        Set<Long> suppliers = new HashSet<>();
        for (BalanceRow b : rows) {
            items.add(b.itemId());
            locations.add(b.locationId());
            if (b.ownerSupplierId() != null) {
                suppliers.add(b.ownerSupplierId());
            }
        }
        return new Refs(
                catalog.itemsById(items), catalog.locationsById(locations), catalog.sourceTerms(suppliers, items));
    }

    public PageResult<StockView> stock(StockFilter f, PageRequest page, PartyScope scope) {
        Where w = stockWhere(f, scope);
        long total = jdbc.sql("SELECT COUNT(*) " + STOCK_FROM + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
        List<BalanceRow> found = jdbc.sql(stockSelect(scope) + STOCK_FROM + w.sql() + STOCK_SORT.orderBy(page)
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> BalanceRow.of(rs))
                .list();
        Refs refs = refs(found);
        List<StockView> rows = found.stream().map(b -> stockRow(b, refs, scope)).toList();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long countStock(StockFilter f, PartyScope scope) {
        Where w = stockWhere(f, scope);
        return jdbc.sql("SELECT COUNT(*) " + STOCK_FROM + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
    }

    /** Every matching balance, at most maxRows, streamed (for exports) in the order of the list, enriched per chunk. */
    public void forEachStock(StockFilter f, PartyScope scope, int maxRows, Consumer<StockView> sink) {
        Where w = stockWhere(f, scope);
        List<BalanceRow> chunk = new ArrayList<>(CHUNK);
        jdbc.sql(stockSelect(scope) + STOCK_FROM + w.sql() + STOCK_ORDER)
                .params(w.params())
                .withFetchSize(FETCH_SIZE)
                .withMaxRows(maxRows)
                .query((RowCallbackHandler) rs -> {
                    chunk.add(BalanceRow.of(rs));
                    if (chunk.size() == CHUNK) {
                        flushStock(chunk, scope, sink);
                    }
                });
        flushStock(chunk, scope, sink);
    }

    private void flushStock(List<BalanceRow> chunk, PartyScope scope, Consumer<StockView> sink) {
        if (chunk.isEmpty()) {
            return;
        }
        Refs refs = refs(chunk);
        chunk.forEach(b -> sink.accept(stockRow(b, refs, scope)));
        chunk.clear();
    }

    /**
     * Own and consignment value of the matching balances, per warehouse: each balance valued and rounded to the cent
     * (own stock at the moving average cost, else the item's unit cost; consignment at its supplier's price), the
     * lines summed per warehouse, warehouses by code. The balances are streamed and valued per chunk with catalog's
     * prices.
     */
    public StockValueSummary stockValue(StockFilter f, PartyScope scope) {
        Where w = stockWhere(f, scope);
        long[] counts = new long[2];
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};
        Map<String, BigDecimal[]> byWarehouse = new TreeMap<>();
        List<BalanceRow> chunk = new ArrayList<>(CHUNK);
        Consumer<List<BalanceRow>> value = rows -> {
            Refs refs = refs(rows);
            for (BalanceRow b : rows) {
                // the buyer's moving average cost is its own business and, after a receipt or consumed consignment of
                // another supplier, that supplier's price: a supplier caller sees its own consignment valued, not own
                // stock; own stock is not valued for a supplier by design, so it is not "unvalued" either
                BigDecimal price = b.own() ? (scope.seesAll() ? refs.ownCost(b) : null) : refs.consignmentPrice(b);
                boolean unvalued = scope.seesAll() ? price == null : !b.own() && price == null;
                int k = b.own() ? 0 : 1;
                BigDecimal[] sums = byWarehouse.computeIfAbsent(
                        refs.warehouse(b.locationId()), x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                if (price != null) {
                    BigDecimal line = b.onHand().multiply(price).setScale(2, RoundingMode.HALF_UP);
                    sums[k] = sums[k].add(line);
                    totals[k] = totals[k].add(line);
                }
                counts[0]++;
                counts[1] += unvalued ? 1 : 0;
            }
            rows.clear();
        };
        jdbc.sql(stockSelect(PartyScope.ALL) + STOCK_FROM + w.sql())
                .params(w.params())
                .withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> {
                    chunk.add(BalanceRow.of(rs));
                    if (chunk.size() == CHUNK) {
                        value.accept(chunk);
                    }
                });
        if (!chunk.isEmpty()) {
            value.accept(chunk);
        }
        List<StockValueSummary.WarehouseValue> warehouses = new ArrayList<>();
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
        add(where, params, f.item(), CatalogRefs.itemCodeIs("b.item_id", "item"), "item");
        itemText(where, params, f.text(), "b.item_id");
        add(
                where,
                params,
                f.warehouse(),
                CatalogRefs.locationInWarehouseCoded("b.location_id", "warehouse"),
                "warehouse");
        add(where, params, f.location(), CatalogRefs.locationCodeIs("b.location_id", "location"), "location");
        owner(where, params, f.owner(), "b.owner");
        return new Where(" WHERE " + String.join(" AND ", where), params);
    }

    /** Code or name contain the text (case-insensitive), or a barcode of the item is the text. */
    private static void itemText(List<String> where, Map<String, Object> params, String text, String itemIdColumn) {
        if (text != null && !text.isBlank()) {
            where.add(CatalogRefs.itemTextOrBarcode(itemIdColumn, "text", "textExact"));
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
    private static StockView stockRow(BalanceRow b, Refs refs, PartyScope scope) {
        BigDecimal onHand = b.onHand();
        BigDecimal reserved = b.reserved();
        boolean own = b.own();
        BigDecimal unit = own ? (scope.seesAll() ? refs.ownCost(b) : null) : refs.consignmentPrice(b);
        BigDecimal value = unit == null ? null : unit.multiply(onHand).setScale(2, RoundingMode.HALF_UP);
        String lot = b.lotHidden() ? null : b.lot();
        ItemRef item = refs.items().get(b.itemId());
        return new StockView(
                item == null ? null : item.code(),
                item == null ? null : item.name(),
                item == null ? null : item.uom(),
                refs.warehouse(b.locationId()),
                refs.location(b.locationId()),
                b.owner(),
                lot == null || lot.isEmpty() ? null : lot,
                Decimals.plain(onHand),
                Decimals.plain(reserved),
                Decimals.plain(onHand.subtract(reserved)),
                Decimals.plain(b.inTransit()),
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
        List<MovementRow> found = jdbc.sql(movementSelect(scope) + MOVEMENT_FROM + w.sql() + MOVEMENT_SORT.orderBy(page)
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> movementRow(rs, scope, maskedReason))
                .list();
        List<MovementView> rows = new ArrayList<>(found.size());
        withCodes(found, rows::add);
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long countMovements(MovementFilter f, PartyScope scope) {
        Where w = movementWhere(f, scope);
        return jdbc.sql("SELECT COUNT(*)" + MOVEMENT_FROM + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
    }

    /** Every matching movement, at most maxRows, newest first, streamed (for exports), codes added per chunk. */
    public void forEachMovement(
            MovementFilter f, PartyScope scope, String maskedReason, int maxRows, Consumer<MovementView> sink) {
        Where w = movementWhere(f, scope);
        List<MovementRow> chunk = new ArrayList<>(CHUNK);
        jdbc.sql(movementSelect(scope) + MOVEMENT_FROM + w.sql() + MOVEMENT_ORDER)
                .params(w.params())
                .withFetchSize(FETCH_SIZE)
                .withMaxRows(maxRows)
                .query((RowCallbackHandler) rs -> {
                    chunk.add(movementRow(rs, scope, maskedReason));
                    if (chunk.size() == CHUNK) {
                        withCodes(chunk, sink);
                        chunk.clear();
                    }
                });
        withCodes(chunk, sink);
    }

    /** A movement read from the ledger's table, waiting for its item, location and warehouse codes. */
    private record MovementRow(long itemId, long locationId, MovementView view) {}

    private void withCodes(List<MovementRow> rows, Consumer<MovementView> sink) {
        if (rows.isEmpty()) {
            return;
        }
        Set<Long> itemIds = new HashSet<>();
        Set<Long> locationIds = new HashSet<>();
        rows.forEach(r -> {
            itemIds.add(r.itemId());
            locationIds.add(r.locationId());
        });
        Map<Long, ItemRef> items = catalog.itemsById(itemIds);
        Map<Long, LocationRef> locations = catalog.locationsById(locationIds);
        for (MovementRow r : rows) {
            MovementView v = r.view();
            ItemRef item = items.get(r.itemId());
            LocationRef location = locations.get(r.locationId());
            sink.accept(new MovementView(
                    v.id(),
                    v.postingId(),
                    v.type(),
                    item == null ? null : item.code(),
                    location == null ? null : location.warehouse(),
                    location == null ? null : location.code(),
                    v.owner(),
                    v.lot(),
                    v.qty(),
                    v.unitCost(),
                    v.reference(),
                    v.reason(),
                    v.user(),
                    v.postedAt()));
        }
    }

    private static Where movementWhere(MovementFilter f, PartyScope scope) {
        List<String> where = new ArrayList<>(List.of(CatalogRefs.itemPredicate("m.item_id", scope)));
        if (!scope.seesAll()) {
            where.add("(m.owner = 'OWN' OR EXISTS (SELECT 1 FROM stock_balance ob WHERE ob.id = m.balance_id AND "
                    + scope.predicate("ob.owner_supplier_id") + "))");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        add(where, params, f.item(), CatalogRefs.itemCodeIs("m.item_id", "item"), "item");
        itemText(where, params, f.text(), "m.item_id");
        add(
                where,
                params,
                f.warehouse(),
                CatalogRefs.locationInWarehouseCoded("m.location_id", "warehouse"),
                "warehouse");
        add(where, params, f.location(), CatalogRefs.locationCodeIs("m.location_id", "location"), "location");
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

    private static MovementRow movementRow(ResultSet rs, PartyScope scope, String maskedReason) throws SQLException {
        String lot = rs.getInt("lot_hidden") == 1 ? null : rs.getString("lot");
        boolean own = "OWN".equals(rs.getString("owner"));
        return new MovementRow(
                rs.getLong("item_id"),
                rs.getLong("location_id"),
                new MovementView(
                        rs.getLong("id"),
                        rs.getLong("posting_id"),
                        rs.getString("type"),
                        null,
                        null,
                        null,
                        rs.getString("owner"),
                        lot == null || lot.isEmpty() ? null : lot,
                        Decimals.plain(rs.getBigDecimal("qty")),
                        own && !scope.seesAll() ? null : Decimals.plain(rs.getBigDecimal("unit_cost")),
                        rs.getString("reference"),
                        rs.getInt("reason_masked") == 1 ? maskedReason : rs.getString("reason"),
                        rs.getString("username"),
                        rs.getTimestamp("posted_at").toInstant()));
    }

    /**
     * Invariants 1–3 of the architecture: on hand = Σ movements; no negative stock; reserved ≤ on hand. The ledger
     * finds the candidate rows; whether a location allows negative stock, and the codes, are catalog's.
     */
    public ReconcileReport reconcile() {
        long checked =
                jdbc.sql("SELECT COUNT(*) FROM stock_balance").query(Long.class).single();
        record Candidate(
                long itemId,
                long locationId,
                String owner,
                String lot,
                BigDecimal onHand,
                BigDecimal reserved,
                BigDecimal sum) {}
        List<Candidate> candidates = jdbc.sql("""
                SELECT b.item_id, b.location_id, b.owner, b.lot, b.on_hand, b.reserved,
                       COALESCE(s.total, 0) AS ledger_sum
                FROM stock_balance b
                LEFT JOIN (SELECT balance_id, SUM(qty) AS total FROM stock_movement GROUP BY balance_id) s
                       ON s.balance_id = b.id
                WHERE b.on_hand <> COALESCE(s.total, 0) OR b.on_hand < 0 OR b.reserved > b.on_hand
                   OR b.reserved < 0""")
                .query((rs, n) -> new Candidate(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7)))
                .list();
        Set<Long> itemIds = new HashSet<>();
        Set<Long> locationIds = new HashSet<>();
        candidates.forEach(c -> {
            itemIds.add(c.itemId());
            locationIds.add(c.locationId());
        });
        Map<Long, ItemRef> items = catalog.itemsById(itemIds);
        Map<Long, LocationRef> locations = catalog.locationsById(locationIds);
        List<ReconcileReport.Break> breaks = new ArrayList<>();
        for (Candidate c : candidates) {
            LocationRef location = locations.get(c.locationId());
            boolean allowNegative = location != null && location.allowNegative();
            BigDecimal onHand = c.onHand();
            BigDecimal reserved = c.reserved();
            BigDecimal sum = c.sum();
            boolean breaks1 = onHand.compareTo(sum) != 0;
            boolean breaks23 = !allowNegative && (onHand.signum() < 0 || reserved.compareTo(onHand) > 0);
            if (!breaks1 && !breaks23 && reserved.signum() >= 0) {
                continue;
            }
            String invariant;
            String detail;
            if (breaks1) {
                invariant = "BALANCE_EQUALS_LEDGER";
                detail = "on hand " + onHand.toPlainString() + " but movements add up to " + sum.toPlainString();
            } else if (onHand.signum() < 0) {
                invariant = "NO_NEGATIVE_STOCK";
                detail = "on hand is negative at a location that does not allow it";
            } else {
                invariant = "RESERVED_WITHIN_ON_HAND";
                detail = "reserved " + reserved.toPlainString() + " exceeds on hand " + onHand.toPlainString();
            }
            ItemRef item = items.get(c.itemId());
            breaks.add(new ReconcileReport.Break(
                    invariant,
                    item == null ? null : item.code(),
                    location == null ? null : location.code(),
                    c.owner(),
                    c.lot(),
                    Decimals.plain(onHand),
                    Decimals.plain(reserved),
                    Decimals.plain(sum),
                    detail));
        }
        breaks.sort(Comparator.comparing(ReconcileReport.Break::item, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ReconcileReport.Break::location, Comparator.nullsLast(Comparator.naturalOrder())));
        return new ReconcileReport(breaks.isEmpty(), checked, breaks);
    }

    /** The ids of a warehouse's own (not in-transit) locations, from catalog. */
    private List<Long> storingLocations(long warehouseId) {
        return catalog.locationsIn(warehouseId).values().stream()
                .filter(l -> l.type() != LocationType.IN_TRANSIT)
                .map(LocationRef::id)
                .sorted()
                .toList();
    }

    public BigDecimal onHand(org.openvmi.inventory.ItemWarehouse subject) {
        List<Long> locations = storingLocations(subject.warehouseId());
        if (locations.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b
                WHERE b.item_id = :i AND b.location_id IN (:locations)""")
                .param("i", subject.itemId())
                .param("locations", locations)
                .query(BigDecimal.class)
                .single();
    }

    public java.util.SortedMap<java.time.LocalDate, BigDecimal> dailyNetMovement(
            org.openvmi.inventory.ItemWarehouse subject, java.time.Instant from, java.time.ZoneId zone) {
        java.util.SortedMap<java.time.LocalDate, BigDecimal> days = new TreeMap<>();
        List<Long> locations = storingLocations(subject.warehouseId());
        if (locations.isEmpty()) {
            return days;
        }
        jdbc.sql("""
                SELECT m.posted_at, m.qty FROM stock_movement m
                WHERE m.item_id = :i AND m.location_id IN (:locations) AND m.posted_at >= :from""")
                .param("i", subject.itemId())
                .param("locations", locations)
                .param("from", Timestamp.from(from))
                .query((rs, n) -> days.merge(
                        rs.getTimestamp("posted_at").toInstant().atZone(zone).toLocalDate(),
                        rs.getBigDecimal("qty"),
                        BigDecimal::add))
                .list();
        return days;
    }

    /** On hand at the warehouses' own locations, per item and warehouse; one catalog read for the locations. */
    public Map<org.openvmi.inventory.ItemWarehouse, BigDecimal> onHand(
            Collection<org.openvmi.inventory.ItemWarehouse> subjects) {
        Map<org.openvmi.inventory.ItemWarehouse, BigDecimal> result = new HashMap<>();
        if (subjects.isEmpty()) {
            return result;
        }
        Set<Long> items = new java.util.TreeSet<>();
        Set<Long> warehouses = new HashSet<>();
        subjects.forEach(s -> {
            items.add(s.itemId());
            warehouses.add(s.warehouseId());
        });
        Map<Long, LocationRef> locations = storing(warehouses);
        if (locations.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT b.item_id, b.location_id, SUM(b.on_hand) AS qty FROM stock_balance b
                WHERE b.item_id IN (:items) AND b.location_id IN (:locations)
                GROUP BY b.item_id, b.location_id""")
                .param("items", items)
                .param("locations", locations.keySet())
                .query((rs, n) -> {
                    var subject = new org.openvmi.inventory.ItemWarehouse(
                            rs.getLong("item_id"),
                            locations.get(rs.getLong("location_id")).warehouseId());
                    if (subjects.contains(subject)) {
                        result.merge(subject, rs.getBigDecimal("qty"), BigDecimal::add);
                    }
                    return null;
                })
                .list();
        return result;
    }

    /** The own (not in-transit) locations of the given warehouses, by id. */
    private Map<Long, LocationRef> storing(Collection<Long> warehouseIds) {
        Map<Long, LocationRef> locations = new HashMap<>();
        if (warehouseIds.size() == 1) {
            locations.putAll(catalog.locationsIn(warehouseIds.iterator().next()));
        } else {
            catalog.locationsIn(null).values().stream()
                    .filter(l -> warehouseIds.contains(l.warehouseId()))
                    .forEach(l -> locations.put(l.id(), l));
        }
        locations.values().removeIf(l -> l.type() == LocationType.IN_TRANSIT);
        return locations;
    }

    /** Free own stock at storing locations of the warehouses {@code :warehouses}, with each location's code. */
    private static final String FREE_STOCK =
            "SELECT b.id, b.item_id, b.location_id, b.lot, b.on_hand - b.reserved AS free, sl.code AS location_code,"
                    + " sl.warehouse_id FROM stock_balance b "
                    + CatalogRefs.storingLocationsJoin("sl", "b.location_id", "warehouses")
                    + " WHERE b.item_id IN (:items) AND b.owner = 'OWN' AND b.on_hand - b.reserved > 0";

    /**
     * Free own stock of the items at the warehouses' own locations, per item and warehouse the freest location
     * first (then by location code and lot).
     */
    public List<org.openvmi.inventory.FreeStock> freeStock(Collection<Long> itemIds, Collection<Long> warehouseIds) {
        if (itemIds.isEmpty() || warehouseIds.isEmpty()) {
            return List.of();
        }
        // the storing locations joined (catalog's fragment): one statement, not the locations and then the stock
        List<org.openvmi.inventory.FreeStock> free = new ArrayList<>(jdbc.sql(FREE_STOCK)
                .param("items", itemIds)
                .param("warehouses", new HashSet<>(warehouseIds))
                .query((rs, n) -> new org.openvmi.inventory.FreeStock(
                        rs.getLong("item_id"),
                        rs.getLong("warehouse_id"),
                        rs.getString("location_code"),
                        rs.getString("lot"),
                        rs.getBigDecimal("free"),
                        rs.getLong("id"),
                        rs.getLong("location_id")))
                .list());
        free.sort(Comparator.comparingLong(org.openvmi.inventory.FreeStock::itemId)
                .thenComparingLong(org.openvmi.inventory.FreeStock::warehouseId)
                .thenComparing(org.openvmi.inventory.FreeStock::free, Comparator.reverseOrder())
                .thenComparing(org.openvmi.inventory.FreeStock::location)
                .thenComparing(org.openvmi.inventory.FreeStock::lot));
        return free;
    }
}
