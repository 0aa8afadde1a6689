package org.openvmi.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk reads of master data for planning runs over many items at once: which items a run covers and each item's
 * primary source (supplier, MOQ, pack size, lead time). One query each, never one per item.
 */
@Service
public class PlanningCatalog {

    /** The primary source of an item (or, without a primary, its first source by supplier code). */
    public record PrimarySource(
            long itemId, long supplierId, String supplierCode, BigDecimal moq, BigDecimal packSize, int leadTimeDays) {}

    /**
     * What a transfer plan needs of an item: code, name, the primary source's pack size (1 without a source), its
     * purchase price per unit (null: no source sells it) and lead time in days (0 without a source).
     */
    public record TransferTerms(
            long itemId, String itemCode, String itemName, BigDecimal packSize, BigDecimal price, int leadTimeDays) {}

    private final JdbcClient jdbc;

    PlanningCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * SQL predicate (positional parameters, appended to {@code args}) limiting an item-id column to the items matching
     * every given filter: ids, category, supplier (items on its source list); "1=1" when none is given.
     */
    public static String itemFilter(
            String itemIdColumn,
            Collection<Long> itemIds,
            String category,
            Long supplierId,
            java.util.List<Object> args) {
        StringBuilder sql = new StringBuilder("1=1");
        if (itemIds != null) {
            if (itemIds.isEmpty()) {
                return "1=0";
            }
            sql.append(" AND ")
                    .append(itemIdColumn)
                    .append(" IN (")
                    .append(String.join(",", java.util.Collections.nCopies(itemIds.size(), "?")))
                    .append(")");
            args.addAll(itemIds);
        }
        if (category != null) {
            sql.append(" AND ").append(itemIdColumn).append(" IN (SELECT ic.id FROM item ic WHERE ic.category = ?)");
            args.add(category);
        }
        if (supplierId != null) {
            sql.append(" AND ")
                    .append(itemIdColumn)
                    .append(" IN (SELECT si_f.item_id FROM supplier_item si_f WHERE si_f.supplier_id = ?)");
            args.add(supplierId);
        }
        return sql.toString();
    }

    /** Whether any item has this category. */
    @Transactional(readOnly = true)
    public boolean categoryExists(String category) {
        return jdbc.sql("SELECT COUNT(*) FROM item WHERE category = :c")
                        .param("c", category)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Every item's primary source, by item id. */
    @Transactional(readOnly = true)
    public Map<Long, PrimarySource> primarySources() {
        return primarySources(null);
    }

    /** The primary source of these items only (a rule's event path: the cost follows the event), by item id. */
    @Transactional(readOnly = true)
    public Map<Long, PrimarySource> primarySourcesOf(java.util.Collection<Long> itemIds) {
        return itemIds.isEmpty() ? Map.of() : primarySources(List.copyOf(itemIds));
    }

    private Map<Long, PrimarySource> primarySources(List<Long> only) {
        Map<Long, PrimarySource> sources = new HashMap<>();
        var sql = jdbc.sql("""
                SELECT si.item_id, si.supplier_id, s.code, si.moq, si.pack_size, si.lead_time_days, si.is_primary
                FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id
                """ + (only == null ? "" : "WHERE si.item_id IN (:items) ") + """
                ORDER BY si.item_id, si.is_primary DESC, s.code""");
        if (only != null) {
            sql = sql.param("items", only);
        }
        sql.query(rs -> {
            long item = rs.getLong(1);
            sources.putIfAbsent(
                    item,
                    new PrimarySource(
                            item,
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getInt(6)));
        });
        return sources;
    }

    /** Warehouse codes by id. */
    @Transactional(readOnly = true)
    public Map<Long, String> warehouseCodes() {
        Map<Long, String> codes = new HashMap<>();
        jdbc.sql("SELECT id, code FROM warehouse").query(rs -> {
            codes.put(rs.getLong(1), rs.getString(2));
        });
        return codes;
    }

    /** The source list's lead time of a supplier for an item, or null when the item is not on its list. */
    @Transactional(readOnly = true)
    public Integer sourceLeadTime(long supplierId, long itemId) {
        return jdbc.sql("SELECT lead_time_days FROM supplier_item WHERE supplier_id = :s AND item_id = :i")
                .param("s", supplierId)
                .param("i", itemId)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /** Item codes by id (ids that do not exist are left out), ordered by code. */
    @Transactional(readOnly = true)
    public List<String> itemCodes(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT code FROM item WHERE id IN (:ids) ORDER BY code")
                .param("ids", ids)
                .query(String.class)
                .list();
    }

    /** Item id by code, or null. */
    @Transactional(readOnly = true)
    public Long itemId(String code) {
        return jdbc.sql("SELECT id FROM item WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Warehouse id by code, if it exists. */
    @Transactional(readOnly = true)
    public Long warehouseId(String code) {
        return jdbc.sql("SELECT id FROM warehouse WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The first storage location of a warehouse by code (where transfers to it are received), if any. */
    @Transactional(readOnly = true)
    public String storageLocation(long warehouseId) {
        return jdbc
                .sql("SELECT code FROM location WHERE warehouse_id = :w AND type = 'STORAGE' ORDER BY code")
                .param("w", warehouseId)
                .query(String.class)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Every item's transfer terms by item id (the primary source as {@link #primarySources()} picks it). */
    @Transactional(readOnly = true)
    public Map<Long, TransferTerms> transferTerms() {
        Map<Long, TransferTerms> terms = new HashMap<>();
        jdbc.sql("""
                SELECT i.id, i.code, i.name, si.pack_size, si.price, si.lead_time_days
                FROM item i LEFT JOIN supplier_item si ON si.item_id = i.id LEFT JOIN supplier s ON s.id = si.supplier_id
                ORDER BY i.id, si.is_primary DESC, s.code""").query(rs -> {
            long item = rs.getLong(1);
            BigDecimal pack = rs.getBigDecimal(4);
            terms.putIfAbsent(
                    item,
                    new TransferTerms(
                            item,
                            rs.getString(2),
                            rs.getString(3),
                            pack == null ? BigDecimal.ONE : pack,
                            rs.getBigDecimal(5),
                            rs.getInt(6)));
        });
        return terms;
    }
}
