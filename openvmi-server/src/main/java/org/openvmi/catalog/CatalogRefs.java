package org.openvmi.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves business codes to references in one query per kind, for features that post many lines at once (the ledger,
 * imports), and gives them the SQL predicate that limits item rows to a party's scope.
 */
@Service
public class CatalogRefs {

    private final JdbcClient jdbc;

    CatalogRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Items by code or barcode; unknown ones are absent from the map. Not scoped: callers check rights themselves. */
    @Transactional(readOnly = true)
    public Map<String, ItemRef> items(Collection<String> codes) {
        Map<String, ItemRef> refs = new HashMap<>();
        if (codes.isEmpty()) {
            return refs;
        }
        jdbc.sql("SELECT id, code, name, uom, lot_tracked, unit_cost FROM item WHERE code IN (:codes)")
                .param("codes", codes)
                .query((rs, n) -> refs.put(
                        rs.getString("code"),
                        new ItemRef(
                                rs.getLong("id"),
                                rs.getString("code"),
                                rs.getString("name"),
                                rs.getString("uom"),
                                rs.getBoolean("lot_tracked"),
                                rs.getBigDecimal("unit_cost"))))
                .list();
        List<String> missing = codes.stream().filter(c -> !refs.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            // a scanner types barcodes: resolve those that are not item codes
            jdbc.sql("""
                    SELECT b.barcode, i.id, i.code, i.name, i.uom, i.lot_tracked, i.unit_cost
                    FROM item_barcode b JOIN item i ON i.id = b.item_id WHERE b.barcode IN (:codes)""")
                    .param("codes", missing)
                    .query((rs, n) -> refs.put(
                            rs.getString("barcode"),
                            new ItemRef(
                                    rs.getLong("id"),
                                    rs.getString("code"),
                                    rs.getString("name"),
                                    rs.getString("uom"),
                                    rs.getBoolean("lot_tracked"),
                                    rs.getBigDecimal("unit_cost"))))
                    .list();
        }
        return refs;
    }

    /** The barcodes of each item (by item code), for pages that find a scanned barcode among their rows. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> barcodes(Collection<String> itemCodes) {
        Map<String, List<String>> codes = new HashMap<>();
        if (itemCodes.isEmpty()) {
            return codes;
        }
        jdbc.sql(
                        "SELECT i.code, b.barcode FROM item_barcode b JOIN item i ON i.id = b.item_id WHERE i.code IN (:codes) "
                                + "ORDER BY i.code, b.barcode")
                .param("codes", itemCodes)
                .query((rs, n) -> codes.computeIfAbsent(rs.getString("code"), c -> new java.util.ArrayList<>())
                        .add(rs.getString("barcode")))
                .list();
        return codes;
    }

    /** Locations by code; unknown codes are absent from the map. */
    @Transactional(readOnly = true)
    public Map<String, LocationRef> locations(Collection<String> codes) {
        Map<String, LocationRef> refs = new HashMap<>();
        if (codes.isEmpty()) {
            return refs;
        }
        jdbc.sql("""
                SELECT l.id, l.code, l.warehouse_id, w.code AS warehouse_code, l.type, l.allow_negative
                FROM location l JOIN warehouse w ON w.id = l.warehouse_id WHERE l.code IN (:codes)""")
                .param("codes", codes)
                .query(CatalogRefs::locationRef)
                .list()
                .forEach(l -> refs.put(l.code(), l));
        return refs;
    }

    /** Warehouse ids by code; unknown codes are absent. */
    @Transactional(readOnly = true)
    public Map<String, Long> warehouses(Collection<String> codes) {
        Map<String, Long> refs = new HashMap<>();
        if (codes.isEmpty()) {
            return refs;
        }
        jdbc.sql("SELECT id, code FROM warehouse WHERE code IN (:codes)")
                .param("codes", codes)
                .query((rs, n) -> refs.put(rs.getString("code"), rs.getLong("id")))
                .list();
        return refs;
    }

    /** The code of the location a warehouse receives at by default, if it names one. */
    @Transactional(readOnly = true)
    public Optional<String> receivingLocation(String warehouseCode) {
        return jdbc.sql("SELECT l.code FROM warehouse w JOIN location l ON l.id = w.receiving_location_id "
                        + "WHERE w.code = :code")
                .param("code", warehouseCode)
                .query(String.class)
                .optional();
    }

    /** Supplier ids by code; unknown codes are absent. */
    @Transactional(readOnly = true)
    public Map<String, Long> suppliers(Collection<String> codes) {
        Map<String, Long> refs = new HashMap<>();
        if (codes.isEmpty()) {
            return refs;
        }
        jdbc.sql("SELECT id, code FROM supplier WHERE code IN (:codes)")
                .param("codes", codes)
                .query((rs, n) -> refs.put(rs.getString("code"), rs.getLong("id")))
                .list();
        return refs;
    }

    /**
     * SQL predicate limiting rows whose item id is in {@code itemIdColumn} to what the scope may see: a supplier
     * sees the items on its own source list. Binds {@code :scopeSupplierId} ({@link PartyScope#supplierIdParam()}).
     */
    public static String itemPredicate(String itemIdColumn, PartyScope scope) {
        return scope.seesAll()
                ? "1=1"
                : "EXISTS (SELECT 1 FROM supplier_item si_scope WHERE si_scope.item_id = " + itemIdColumn + " AND "
                        + scope.predicate("si_scope.supplier_id") + ")";
    }

    /**
     * SQL expression: the code of the item whose id is in {@code itemIdColumn}, for a feature that sorts its own rows
     * by item code (the text is catalog's; the feature reads codes and names of its page through {@link #itemsById}).
     */
    public static String itemCode(String itemIdColumn) {
        return "(SELECT c_ic.code FROM item c_ic WHERE c_ic.id = " + itemIdColumn + ")";
    }

    /**
     * SQL join clause: the storing locations (every type but in transit) of the warehouses in the named parameter
     * {@code :warehousesParam} as {@code alias}, joined on {@code locationIdColumn}; the feature selects
     * {@code alias.code} and {@code alias.warehouse_id} (ADR 0097: free stock of a channel's pool in one statement,
     * without reading the locations first).
     */
    public static String storingLocationsJoin(String alias, String locationIdColumn, String warehousesParam) {
        return "JOIN location " + alias + " ON " + alias + ".id = " + locationIdColumn + " AND " + alias
                + ".warehouse_id IN (:" + warehousesParam + ") AND " + alias + ".type <> '"
                + LocationType.IN_TRANSIT.name() + "'";
    }

    /** SQL expression: the code of the warehouse whose id is in {@code warehouseIdColumn} (null for none). */
    public static String warehouseCode(String warehouseIdColumn) {
        return "(SELECT c_wc.code FROM warehouse c_wc WHERE c_wc.id = " + warehouseIdColumn + ")";
    }

    /** SQL expression: the code of the supplier whose id is in {@code supplierIdColumn} (null for none). */
    public static String supplierCode(String supplierIdColumn) {
        return "(SELECT c_sc.code FROM supplier c_sc WHERE c_sc.id = " + supplierIdColumn + ")";
    }

    /**
     * SQL predicate: the item in {@code itemIdColumn} has a code or name containing the text bound to {@code :param}
     * (the caller binds {@code "%" + lower-case text + "%"}).
     */
    public static String itemTextMatches(String itemIdColumn, String param) {
        return "EXISTS (SELECT 1 FROM item c_it WHERE c_it.id = " + itemIdColumn + " AND (LOWER(c_it.code) LIKE :"
                + param + " OR LOWER(c_it.name) LIKE :" + param + "))";
    }

    /** SQL predicate: the item in {@code itemIdColumn} has the code bound to {@code :param}. */
    public static String itemCodeIs(String itemIdColumn, String param) {
        return itemIdColumn + " IN (SELECT c_ii.id FROM item c_ii WHERE c_ii.code = :" + param + ")";
    }

    /** SQL predicate: the warehouse in {@code warehouseIdColumn} has a code among those bound to {@code :param}. */
    public static String warehouseCodeIn(String warehouseIdColumn, String param) {
        return warehouseIdColumn + " IN (SELECT c_wi.id FROM warehouse c_wi WHERE c_wi.code IN (:" + param + "))";
    }

    /** SQL predicate: the supplier in {@code supplierIdColumn} has the code bound to {@code :param}. */
    public static String supplierCodeIs(String supplierIdColumn, String param) {
        return supplierIdColumn + " IN (SELECT c_si.id FROM supplier c_si WHERE c_si.code = :" + param + ")";
    }

    /** SQL predicate: the item in {@code itemIdColumn} is on the source list of the supplier coded {@code :param}. */
    public static String itemSuppliedBy(String itemIdColumn, String param) {
        return "EXISTS (SELECT 1 FROM supplier_item c_fsi JOIN supplier c_fs ON c_fs.id = c_fsi.supplier_id "
                + "WHERE c_fsi.item_id = " + itemIdColumn + " AND c_fs.code = :" + param + ")";
    }

    /**
     * SQL expression: the code of the supplier the item in {@code itemIdColumn} is grouped under for a scope — its
     * primary supplier, else the first by code, among those the scope may see (binds {@code :scopeSupplierId}).
     */
    public static String primarySupplierCode(String itemIdColumn, PartyScope scope) {
        return "(SELECT c_gs.code FROM supplier_item c_gsi JOIN supplier c_gs ON c_gs.id = c_gsi.supplier_id "
                + "WHERE c_gsi.item_id = " + itemIdColumn + " AND " + scope.predicate("c_gsi.supplier_id")
                + " ORDER BY c_gsi.is_primary DESC, c_gs.code LIMIT 1)";
    }

    /** The suppliers with each item on their source list, ids ascending (items without any are absent). */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> suppliersOfItems(Collection<Long> itemIds) {
        Map<Long, List<Long>> suppliers = new HashMap<>();
        List<Long> ids = List.copyOf(new java.util.TreeSet<>(itemIds));
        for (int from = 0; from < ids.size(); from += 1_000) {
            jdbc.sql(
                            "SELECT item_id, supplier_id FROM supplier_item WHERE item_id IN (:ids) ORDER BY item_id, supplier_id")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1_000)))
                    .query((rs, n) -> suppliers
                            .computeIfAbsent(rs.getLong(1), i -> new java.util.ArrayList<>())
                            .add(rs.getLong(2)))
                    .list();
        }
        return suppliers;
    }

    /** A source of an item: an active supplier with the item on its source list, and the list's terms. */
    public record Source(
            long itemId,
            String itemCode,
            long supplierId,
            String supplierCode,
            String supplierName,
            int leadTimeDays,
            java.math.BigDecimal price,
            String currency,
            boolean primary) {}

    /** The sources of the items from active suppliers, by item code then supplier code, in one query. */
    @Transactional(readOnly = true)
    public List<Source> activeSources(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT si.item_id, i.code AS item_code, si.supplier_id, s.code AS supplier_code, s.name AS supplier_name,
                       si.lead_time_days, si.price, si.currency, si.is_primary
                FROM supplier_item si JOIN item i ON i.id = si.item_id JOIN supplier s ON s.id = si.supplier_id
                WHERE si.item_id IN (:items) AND s.active = TRUE ORDER BY i.code, s.code""")
                .param("items", itemIds)
                .query((rs, n) -> new Source(
                        rs.getLong("item_id"),
                        rs.getString("item_code"),
                        rs.getLong("supplier_id"),
                        rs.getString("supplier_code"),
                        rs.getString("supplier_name"),
                        rs.getInt("lead_time_days"),
                        rs.getBigDecimal("price"),
                        rs.getString("currency"),
                        rs.getBoolean("is_primary")))
                .list();
    }

    /** SQL expression: the name of the item whose id is in {@code itemIdColumn}. */
    public static String itemName(String itemIdColumn) {
        return "(SELECT c_in.name FROM item c_in WHERE c_in.id = " + itemIdColumn + ")";
    }

    /** SQL predicate: the item in {@code itemIdColumn} has a code among those bound to {@code :param}. */
    public static String itemCodeIn(String itemIdColumn, String param) {
        return itemIdColumn + " IN (SELECT c_iin.id FROM item c_iin WHERE c_iin.code IN (:" + param + "))";
    }

    /** An item on a supplier's source list, with the supplier's own part number (may be null). */
    public record SourceListItem(long itemId, String code, String name, String uom, int leadTimeDays, String partNo) {}

    /** A supplier's source list, by item code, in one query whatever its size. */
    @Transactional(readOnly = true)
    public List<SourceListItem> sourceList(long supplierId) {
        return jdbc.sql("""
                SELECT i.id, i.code, i.name, i.uom, si.lead_time_days, si.supplier_part_no FROM supplier_item si
                JOIN item i ON i.id = si.item_id WHERE si.supplier_id = :s ORDER BY i.code""")
                .param("s", supplierId)
                .query((rs, n) -> new SourceListItem(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("uom"),
                        rs.getInt("lead_time_days"),
                        rs.getString("supplier_part_no")))
                .list();
    }

    /**
     * The suppliers' own part numbers of the items on their source lists, supplier id → item id → part number
     * (pairs without one are absent), in one query.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<Long, String>> partNumbers(Collection<Long> supplierIds, Collection<Long> itemIds) {
        Map<Long, Map<Long, String>> parts = new HashMap<>();
        if (supplierIds.isEmpty() || itemIds.isEmpty()) {
            return parts;
        }
        jdbc.sql("SELECT supplier_id, item_id, supplier_part_no FROM supplier_item WHERE supplier_id IN (:s) "
                        + "AND item_id IN (:i) AND supplier_part_no IS NOT NULL")
                .param("s", supplierIds)
                .param("i", itemIds)
                .query((rs, n) -> parts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getLong(2), rs.getString(3)))
                .list();
        return parts;
    }

    /** Items by id, for the ledger's typed entry point; unknown ids are absent. */
    @Transactional(readOnly = true)
    public Map<Long, ItemRef> itemsById(Collection<Long> ids) {
        Map<Long, ItemRef> refs = new HashMap<>();
        if (ids.isEmpty()) {
            return refs;
        }
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT id, code, name, uom, lot_tracked, unit_cost FROM item WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> refs.put(
                            rs.getLong("id"),
                            new ItemRef(
                                    rs.getLong("id"),
                                    rs.getString("code"),
                                    rs.getString("name"),
                                    rs.getString("uom"),
                                    rs.getBoolean("lot_tracked"),
                                    rs.getBigDecimal("unit_cost"))))
                    .list();
        }
        return refs;
    }

    /** Locations by id; unknown ids are absent. */
    @Transactional(readOnly = true)
    public Map<Long, LocationRef> locationsById(Collection<Long> ids) {
        Map<Long, LocationRef> refs = new HashMap<>();
        if (ids.isEmpty()) {
            return refs;
        }
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("""
                SELECT l.id, l.code, l.warehouse_id, w.code AS warehouse_code, l.type, l.allow_negative
                FROM location l JOIN warehouse w ON w.id = l.warehouse_id WHERE l.id IN (:ids)""")
                    .param("ids", chunk)
                    .query(CatalogRefs::locationRef)
                    .list()
                    .forEach(l -> refs.put(l.id(), l));
        }
        return refs;
    }

    /**
     * Every location, or every location of one warehouse when {@code warehouseId} is not null, by id: for the ledger's
     * bulk reads, which group their own balance and movement rows by location and place them with these (locations
     * are few next to the rows they hold, so one query serves a whole report or planning read).
     */
    @Transactional(readOnly = true)
    public Map<Long, LocationRef> locationsIn(Long warehouseId) {
        Map<Long, LocationRef> refs = new HashMap<>();
        jdbc.sql("""
                SELECT l.id, l.code, l.warehouse_id, w.code AS warehouse_code, l.type, l.allow_negative
                FROM location l JOIN warehouse w ON w.id = l.warehouse_id
                WHERE (CAST(:w AS BIGINT) IS NULL OR l.warehouse_id = :w)""")
                .param("w", warehouseId)
                .query(CatalogRefs::locationRef)
                .list()
                .forEach(l -> refs.put(l.id(), l));
        return refs;
    }

    /**
     * Of the given locations, those that allow negative stock now: read from the row in the caller's transaction,
     * never from a cache, so the ledger's rule rests on the committed master data (no {@code @Transactional}: it joins
     * the posting's read-write transaction as it is).
     */
    public java.util.Set<Long> allowingNegative(Collection<Long> locationIds) {
        java.util.Set<Long> allowing = new java.util.HashSet<>();
        for (List<Long> chunk : chunks(locationIds)) {
            allowing.addAll(jdbc.sql("SELECT id FROM location WHERE id IN (:ids) AND allow_negative")
                    .param("ids", chunk)
                    .query(Long.class)
                    .list());
        }
        return allowing;
    }

    /** Supplier codes by id; unknown ids are absent. */
    @Transactional(readOnly = true)
    public Map<Long, String> supplierCodes(Collection<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        if (ids.isEmpty()) {
            return codes;
        }
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT id, code FROM supplier WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> codes.put(rs.getLong("id"), rs.getString("code")))
                    .list();
        }
        return codes;
    }

    /** Suppliers by id (code and name), in one query; unknown ids are absent. */
    @Transactional(readOnly = true)
    public Map<Long, NamedRef> suppliersById(Collection<Long> ids) {
        return named("supplier", ids);
    }

    /** Warehouses by id (code and name), in one query; unknown ids are absent. */
    @Transactional(readOnly = true)
    public Map<Long, NamedRef> warehousesById(Collection<Long> ids) {
        return named("warehouse", ids);
    }

    private Map<Long, NamedRef> named(String table, Collection<Long> ids) {
        Map<Long, NamedRef> refs = new HashMap<>();
        if (ids.isEmpty()) {
            return refs;
        }
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT id, code, name FROM " + table + " WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) ->
                            refs.put(rs.getLong(1), new NamedRef(rs.getLong(1), rs.getString(2), rs.getString(3))))
                    .list();
        }
        return refs;
    }

    /** Ids per IN list: at most this many, so a long report asks in a few queries, never one per row. */
    static final int IN_LIST = 1_000;

    /** The distinct ids in lists of at most {@link #IN_LIST}, ascending. */
    static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> sorted = List.copyOf(new java.util.TreeSet<>(ids));
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < sorted.size(); from += IN_LIST) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + IN_LIST)));
        }
        return chunks;
    }

    /** A supplier's terms for an item on its source list: lead time and price (price may be null). */
    public record SourceTerms(int leadTimeDays, java.math.BigDecimal price) {}

    /**
     * The source-list terms of the given items at the given suppliers, supplier id → item id → terms (pairs not on a
     * source list are absent), in one query per {@link #IN_LIST} items.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<Long, SourceTerms>> sourceTerms(Collection<Long> supplierIds, Collection<Long> itemIds) {
        Map<Long, Map<Long, SourceTerms>> terms = new HashMap<>();
        if (supplierIds.isEmpty() || itemIds.isEmpty()) {
            return terms;
        }
        List<Long> suppliers = List.copyOf(new java.util.TreeSet<>(supplierIds));
        for (List<Long> items : chunks(itemIds)) {
            jdbc.sql("SELECT supplier_id, item_id, lead_time_days, price FROM supplier_item "
                            + "WHERE supplier_id IN (:s) AND item_id IN (:i)")
                    .param("s", suppliers)
                    .param("i", items)
                    .query((rs, n) -> terms.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getLong(2), new SourceTerms(rs.getInt(3), rs.getBigDecimal(4))))
                    .list();
        }
        return terms;
    }

    /**
     * SQL predicate: the supplier in {@code supplierIdColumn} has a code or name matching the LIKE pattern bound to
     * {@code :param} (lower case, backslash escapes).
     */
    public static String supplierTextMatches(String supplierIdColumn, String param) {
        return "EXISTS (SELECT 1 FROM supplier c_st WHERE c_st.id = " + supplierIdColumn
                + " AND (LOWER(c_st.code) LIKE :" + param + " ESCAPE '\\' OR LOWER(c_st.name) LIKE :" + param
                + " ESCAPE '\\'))";
    }

    /** Item categories by item id (items without one map to null), one query per {@link #IN_LIST} ids. */
    @Transactional(readOnly = true)
    public Map<Long, String> itemCategories(Collection<Long> ids) {
        Map<Long, String> categories = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT id, category FROM item WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> categories.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return categories;
    }

    /** SQL predicate: the location in {@code locationIdColumn} is in the warehouse whose id is bound to {@code :param}. */
    public static String locationInWarehouse(String locationIdColumn, String param) {
        return locationIdColumn + " IN (SELECT c_lw.id FROM location c_lw WHERE c_lw.warehouse_id = :" + param + ")";
    }

    /** SQL expression: the code of the location whose id is in {@code locationIdColumn}, for sorting by it. */
    public static String locationCode(String locationIdColumn) {
        return "(SELECT c_lc.code FROM location c_lc WHERE c_lc.id = " + locationIdColumn + ")";
    }

    /** SQL predicate: the location in {@code locationIdColumn} has the code bound to {@code :param}. */
    public static String locationCodeIs(String locationIdColumn, String param) {
        return locationIdColumn + " IN (SELECT c_lci.id FROM location c_lci WHERE c_lci.code = :" + param + ")";
    }

    /** SQL predicate: the location in {@code locationIdColumn} is in the warehouse whose code is bound to {@code :param}. */
    public static String locationInWarehouseCoded(String locationIdColumn, String param) {
        return locationIdColumn + " IN (SELECT c_lwc.id FROM location c_lwc JOIN warehouse c_wlc ON c_wlc.id = "
                + "c_lwc.warehouse_id WHERE c_wlc.code = :" + param + ")";
    }

    /**
     * SQL predicate: the item in {@code itemIdColumn} has a code or name matching the LIKE pattern bound to {@code
     * :likeParam} (lower case, backslash escapes), or a barcode equal to {@code :exactParam}.
     */
    public static String itemTextOrBarcode(String itemIdColumn, String likeParam, String exactParam) {
        return "EXISTS (SELECT 1 FROM item c_itb WHERE c_itb.id = " + itemIdColumn + " AND (LOWER(c_itb.code) LIKE :"
                + likeParam + " ESCAPE '\\' OR LOWER(c_itb.name) LIKE :" + likeParam + " ESCAPE '\\' OR EXISTS "
                + "(SELECT 1 FROM item_barcode c_ibb WHERE c_ibb.item_id = c_itb.id AND c_ibb.barcode = :" + exactParam
                + ")))";
    }

    /** SQL expression: the code of the warehouse of the location whose id is in {@code locationIdColumn}. */
    public static String locationWarehouseCode(String locationIdColumn) {
        return "(SELECT c_lwh.code FROM location c_lwl JOIN warehouse c_lwh ON c_lwh.id = c_lwl.warehouse_id "
                + "WHERE c_lwl.id = " + locationIdColumn + ")";
    }

    /** One row of {@code SELECT l.id, l.code, l.warehouse_id, w.code AS warehouse_code, l.type, l.allow_negative}. */
    private static LocationRef locationRef(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LocationRef(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getLong("warehouse_id"),
                rs.getString("warehouse_code"),
                LocationType.valueOf(rs.getString("type")),
                rs.getBoolean("allow_negative"));
    }
}
