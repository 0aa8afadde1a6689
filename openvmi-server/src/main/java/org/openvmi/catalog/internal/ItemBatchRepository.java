package org.openvmi.catalog.internal;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.ItemView;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Items in bulk, for imports and exports: reads by many codes at once (see {@link AnyOf}) and writes with JDBC
 * batches, so 10,000 rows cost about ten statements rather than tens of thousands of round trips.
 */
@Repository
class ItemBatchRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final AnyOf anyOf;

    ItemBatchRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, AnyOf anyOf) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.anyOf = anyOf;
    }

    /** Existing items (with barcodes) by code, among the given codes. */
    Map<String, ItemView> findByCodes(Collection<String> codes) {
        List<ItemView> found = new ArrayList<>();
        for (Object chunk : anyOf.chunks(codes, String.class)) {
            found.addAll(jdbc.sql("SELECT i.* FROM item i WHERE " + anyOf.sql("i.code", "codes"))
                    .param("codes", chunk)
                    .query(ItemRepository::row)
                    .list());
        }
        Map<String, ItemView> byCode = new HashMap<>();
        withBarcodes(found, barcodesOf(found.stream().map(ItemView::id).toList()))
                .forEach(v -> byCode.put(v.code(), v));
        return byCode;
    }

    /**
     * Barcode → code of the item it belongs to, among the given barcodes. Two single-table reads: joined, H2 scanned
     * the items and tested each against the whole list.
     */
    Map<String, String> ownersOfBarcodes(Collection<String> barcodes) {
        Map<String, Long> itemIds = new HashMap<>();
        for (Object chunk : anyOf.chunks(barcodes, String.class)) {
            jdbc.sql("SELECT barcode, item_id FROM item_barcode WHERE " + anyOf.sql("barcode", "b"))
                    .param("b", chunk)
                    .query((rs, n) -> itemIds.put(rs.getString(1), rs.getLong(2)))
                    .list();
        }
        Map<Long, String> codes = new HashMap<>();
        for (Object chunk : anyOf.chunks(Set.copyOf(itemIds.values()), Long.class)) {
            jdbc.sql("SELECT id, code FROM item WHERE " + anyOf.sql("id", "ids"))
                    .param("ids", chunk)
                    .query((rs, n) -> codes.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        Map<String, String> owners = new HashMap<>();
        itemIds.forEach((barcode, id) -> owners.put(barcode, codes.get(id)));
        return owners;
    }

    /** Inserts the items (not their barcodes) and returns their new ids by code. */
    Map<String, Long> insert(List<ItemCommand> items) {
        batch.batchUpdate("""
                INSERT INTO item (code, name, uom, category, unit_cost, lot_tracked)
                VALUES (:code, :name, :uom, :category, :unitCost, :lotTracked)""", items.stream().map(ItemBatchRepository::fields).toArray(SqlParameterSource[]::new));
        Map<String, Long> ids = new HashMap<>();
        for (Object chunk :
                anyOf.chunks(items.stream().map(ItemCommand::getCode).toList(), String.class)) {
            jdbc.sql("SELECT id, code FROM item WHERE " + anyOf.sql("code", "codes"))
                    .param("codes", chunk)
                    .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1)))
                    .list();
        }
        return ids;
    }

    /** Updates items by id if their version is still the given one; false when any of them moved on meanwhile. */
    boolean update(Map<Long, Integer> versionsById, Map<Long, ItemCommand> itemsById) {
        SqlParameterSource[] rows = itemsById.entrySet().stream()
                .map(e -> fields(e.getValue())
                        .addValue("id", e.getKey())
                        .addValue("version", versionsById.get(e.getKey())))
                .toArray(SqlParameterSource[]::new);
        int[] counts = batch.batchUpdate("""
                UPDATE item SET name = :name, uom = :uom, category = :category, unit_cost = :unitCost,
                       lot_tracked = :lotTracked, version = version + 1
                WHERE id = :id AND version = :version""", rows);
        for (int n : counts) {
            if (n != 1 && n != Statement.SUCCESS_NO_INFO) {
                return false;
            }
        }
        return true;
    }

    void deleteBarcodes(Collection<Long> itemIds) {
        for (Object chunk : anyOf.chunks(itemIds, Long.class)) {
            jdbc.sql("DELETE FROM item_barcode WHERE " + anyOf.sql("item_id", "ids"))
                    .param("ids", chunk)
                    .update();
        }
    }

    void insertBarcodes(Map<Long, List<String>> barcodesById) {
        List<SqlParameterSource> rows = new ArrayList<>();
        barcodesById.forEach((id, barcodes) -> barcodes.forEach(
                b -> rows.add(new MapSqlParameterSource().addValue("b", b).addValue("id", id))));
        if (!rows.isEmpty()) {
            batch.batchUpdate(
                    "INSERT INTO item_barcode (barcode, item_id) VALUES (:b, :id)",
                    rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** Every item the scope may see, by code, with barcodes: two queries whatever the size. */
    List<ItemView> findAll(PartyScope scope) {
        String filter = ItemRepository.scopeFilter(scope);
        List<ItemView> items = jdbc.sql("SELECT i.* FROM item i WHERE " + filter + " ORDER BY i.code")
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(ItemRepository::row)
                .list();
        Map<Long, List<String>> barcodes = new HashMap<>();
        jdbc.sql("SELECT b.item_id, b.barcode FROM item_barcode b JOIN item i ON i.id = b.item_id WHERE " + filter
                        + " ORDER BY b.barcode")
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> barcodes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return withBarcodes(items, barcodes).stream()
                .map(v -> ItemRepository.forScope(v, scope))
                .toList();
    }

    private Map<Long, List<String>> barcodesOf(List<Long> ids) {
        Map<Long, List<String>> byItem = new HashMap<>();
        for (Object chunk : anyOf.chunks(ids, Long.class)) {
            jdbc.sql("SELECT item_id, barcode FROM item_barcode WHERE " + anyOf.sql("item_id", "ids")
                            + " ORDER BY barcode")
                    .param("ids", chunk)
                    .query((rs, n) -> byItem.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2)))
                    .list();
        }
        return byItem;
    }

    private static List<ItemView> withBarcodes(List<ItemView> items, Map<Long, List<String>> barcodes) {
        return items.stream()
                .map(v -> new ItemView(
                        v.id(),
                        v.code(),
                        v.name(),
                        v.uom(),
                        v.category(),
                        v.unitCost(),
                        v.lotTracked(),
                        List.copyOf(barcodes.getOrDefault(v.id(), List.of())),
                        v.version()))
                .toList();
    }

    private static MapSqlParameterSource fields(ItemCommand c) {
        return new MapSqlParameterSource()
                .addValue("code", c.getCode())
                .addValue("name", c.getName())
                .addValue("uom", c.getUom())
                .addValue("category", c.getCategory())
                .addValue("unitCost", c.getUnitCost())
                .addValue("lotTracked", c.isLotTracked());
    }
}
