package org.openvmi.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.ItemQuery;
import org.openvmi.catalog.ItemView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Items. A supplier user sees only the items on its own source list; the scope is applied here, in every read.
 */
@Repository
public class ItemRepository {

    private final JdbcClient jdbc;

    ItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** SQL predicate on {@code item i}: the items the scope may see (a supplier: those on its source list). */
    static String scopeFilter(PartyScope scope) {
        return scope.seesAll()
                ? "1=1"
                : "EXISTS (SELECT 1 FROM supplier_item si WHERE si.item_id = i.id AND "
                        + scope.predicate("si.supplier_id") + ")";
    }

    public Optional<ItemView> findByCode(String code, PartyScope scope) {
        return jdbc.sql("SELECT i.* FROM item i WHERE i.code = :code AND " + scopeFilter(scope))
                .param("code", code)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(ItemRepository::row)
                .optional()
                .map(this::withBarcodes)
                .map(v -> forScope(v, scope));
    }

    public Optional<Long> idOf(String code) {
        return jdbc.sql("SELECT id FROM item WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .optional();
    }

    public Optional<String> codeOfBarcode(String barcode) {
        return jdbc.sql("SELECT i.code FROM item_barcode b JOIN item i ON i.id = b.item_id WHERE b.barcode = :b")
                .param("b", barcode)
                .query(String.class)
                .optional();
    }

    public PageResult<ItemView> find(ItemQuery query, PageRequest page, PartyScope scope) {
        List<String> where = new ArrayList<>(List.of(scopeFilter(scope)));
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        if (query.text() != null && !query.text().isBlank()) {
            where.add("(LOWER(i.code) LIKE :text OR LOWER(i.name) LIKE :text OR EXISTS "
                    + "(SELECT 1 FROM item_barcode b WHERE b.item_id = i.id AND b.barcode = :exact))");
            params.put("text", "%" + query.text().trim().toLowerCase() + "%");
            params.put("exact", query.text().trim());
        }
        if (query.category() != null && !query.category().isBlank()) {
            where.add("i.category = :category");
            params.put("category", query.category());
        }
        String filter = " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM item i" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<ItemView> rows = jdbc.sql("SELECT i.* FROM item i" + filter + " ORDER BY " + query.orderBy()
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ItemRepository::row)
                .list();
        return new PageResult<>(
                withBarcodes(rows).stream().map(v -> forScope(v, scope)).toList(), page.page(), page.size(), total);
    }

    public List<String> categories(PartyScope scope) {
        return jdbc.sql("SELECT DISTINCT i.category FROM item i WHERE i.category IS NOT NULL AND " + scopeFilter(scope)
                        + " ORDER BY i.category")
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(String.class)
                .list();
    }

    public Map<String, Long> countByCategory(PartyScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT COALESCE(i.category, '') AS c, COUNT(*) AS n FROM item i WHERE " + scopeFilter(scope)
                        + " GROUP BY COALESCE(i.category, '') ORDER BY n DESC")
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, i) -> counts.put(rs.getString("c"), rs.getLong("n")))
                .list();
        return counts;
    }

    public long count(PartyScope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM item i WHERE " + scopeFilter(scope))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(Long.class)
                .single();
    }

    public long insert(ItemCommand c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO item (code, name, uom, category, unit_cost, lot_tracked)
                VALUES (:code, :name, :uom, :category, :unitCost, :lotTracked)""")
                .param("code", c.getCode())
                .param("name", c.getName())
                .param("uom", c.getUom())
                .param("category", c.getCategory())
                .param("unitCost", c.getUnitCost())
                .param("lotTracked", c.isLotTracked())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertBarcodes(id, c.getBarcodes());
        return id;
    }

    /** Updates by id and expected version; false when the version moved on (someone else saved first). */
    public boolean update(long id, int expectedVersion, ItemCommand c) {
        int n = jdbc.sql("""
                UPDATE item SET name = :name, uom = :uom, category = :category, unit_cost = :unitCost,
                       lot_tracked = :lotTracked, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("name", c.getName())
                .param("uom", c.getUom())
                .param("category", c.getCategory())
                .param("unitCost", c.getUnitCost())
                .param("lotTracked", c.isLotTracked())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (n == 1) {
            jdbc.sql("DELETE FROM item_barcode WHERE item_id = :id")
                    .param("id", id)
                    .update();
            insertBarcodes(id, c.getBarcodes());
        }
        return n == 1;
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM item WHERE id = :id").param("id", id).update();
    }

    /** Barcodes among the given that already belong to another item, with that item's code. */
    public Map<String, String> barcodesTakenByOthers(List<String> barcodes, Long exceptItemId) {
        if (barcodes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> taken = new LinkedHashMap<>();
        jdbc.sql("SELECT b.barcode, i.code FROM item_barcode b JOIN item i ON i.id = b.item_id "
                        + "WHERE b.barcode IN (:codes) AND b.item_id <> :except")
                .param("codes", barcodes)
                .param("except", exceptItemId == null ? -1L : exceptItemId)
                .query((rs, i) -> taken.put(rs.getString(1), rs.getString(2)))
                .list();
        return taken;
    }

    public long countSupplierItems(long itemId) {
        return jdbc.sql("SELECT COUNT(*) FROM supplier_item WHERE item_id = :id")
                .param("id", itemId)
                .query(Long.class)
                .single();
    }

    private void insertBarcodes(long itemId, List<String> barcodes) {
        for (String b : barcodes) {
            jdbc.sql("INSERT INTO item_barcode (barcode, item_id) VALUES (:b, :id)")
                    .param("b", b)
                    .param("id", itemId)
                    .update();
        }
    }

    private ItemView withBarcodes(ItemView v) {
        return withBarcodes(List.of(v)).get(0);
    }

    private List<ItemView> withBarcodes(List<ItemView> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, List<String>> byItem = new HashMap<>();
        jdbc.sql("SELECT item_id, barcode FROM item_barcode WHERE item_id IN (:ids) ORDER BY barcode")
                .param("ids", items.stream().map(ItemView::id).toList())
                .query((rs, i) -> byItem.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return items.stream()
                .map(v -> new ItemView(
                        v.id(),
                        v.code(),
                        v.name(),
                        v.uom(),
                        v.category(),
                        v.unitCost(),
                        v.lotTracked(),
                        byItem.getOrDefault(v.id(), List.of()),
                        v.version()))
                .toList();
    }

    /**
     * The item's unit cost is the buyer's moving average, which after a receipt or a consumed consignment of a single
     * supplier is that supplier's price: a supplier user does not read it (ADR 0004 addendum).
     */
    static ItemView forScope(ItemView v, PartyScope scope) {
        return scope.seesAll() || v.unitCost() == null
                ? v
                : new ItemView(
                        v.id(),
                        v.code(),
                        v.name(),
                        v.uom(),
                        v.category(),
                        null,
                        v.lotTracked(),
                        v.barcodes(),
                        v.version());
    }

    static ItemView row(ResultSet rs, int n) throws SQLException {
        BigDecimal cost = rs.getBigDecimal("unit_cost");
        return new ItemView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("uom"),
                rs.getString("category"),
                Decimals.plain(cost),
                rs.getBoolean("lot_tracked"),
                List.of(),
                rs.getInt("version"));
    }
}
