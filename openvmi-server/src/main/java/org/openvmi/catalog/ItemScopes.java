package org.openvmi.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every item with what decides whether a rule may read it (code, category, the suppliers with it on their source
 * list) and its unit cost, in two queries: for the rules engine, which evaluates all items at once. Not scoped:
 * callers apply their own scope (a rule's, a supplier owner's).
 */
@Service
public class ItemScopes {

    /** An item: code, category (null when none), unit cost (null when none), suppliers' codes. */
    public record ItemScope(long itemId, String code, String category, BigDecimal unitCost, Set<String> suppliers) {}

    private final JdbcClient jdbc;

    ItemScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<Long, ItemScope> all() {
        Map<Long, Set<String>> suppliers = new HashMap<>();
        jdbc.sql("SELECT si.item_id, s.code FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id")
                .query(rs -> {
                    suppliers
                            .computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(rs.getString(2));
                });
        Map<Long, ItemScope> items = new HashMap<>();
        jdbc.sql("SELECT id, code, category, unit_cost FROM item").query(rs -> {
            long id = rs.getLong(1);
            items.put(
                    id,
                    new ItemScope(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBigDecimal(4),
                            Set.copyOf(suppliers.getOrDefault(id, Set.of()))));
        });
        return items;
    }

    /** The given items only (a rule's event path): as {@link #all()}, read by id. */
    @Transactional(readOnly = true)
    public Map<Long, ItemScope> of(java.util.Collection<Long> itemIds) {
        Map<Long, ItemScope> items = new HashMap<>();
        if (itemIds.isEmpty()) {
            return items;
        }
        Map<Long, Set<String>> suppliers = new HashMap<>();
        jdbc.sql("SELECT si.item_id, s.code FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id"
                        + " WHERE si.item_id IN (:ids)")
                .param("ids", itemIds)
                .query(rs -> {
                    suppliers
                            .computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(rs.getString(2));
                });
        jdbc.sql("SELECT id, code, category, unit_cost FROM item WHERE id IN (:ids)")
                .param("ids", itemIds)
                .query(rs -> {
                    long id = rs.getLong(1);
                    items.put(
                            id,
                            new ItemScope(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBigDecimal(4),
                                    Set.copyOf(suppliers.getOrDefault(id, Set.of()))));
                });
        return items;
    }

    /** Whether a supplier with this code exists. */
    @Transactional(readOnly = true)
    public boolean supplierExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM supplier WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
