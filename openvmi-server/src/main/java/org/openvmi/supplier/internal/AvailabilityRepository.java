package org.openvmi.supplier.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openvmi.supplier.model.Freshness;
import org.openvmi.supplier.model.SupplierOffer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The buyer's side of supplier stock: every active source of the given items with the supplier's reported stock.
 * Not party-scoped: only buyer-side callers reach it (the service refuses supplier users).
 */
@Repository
public class AvailabilityRepository {

    /** An item with its sources, in source-list order. */
    public record ItemOffers(String item, String itemName, String uom, List<SupplierOffer> offers) {
    }

    private final JdbcClient jdbc;

    AvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By item code, in the order asked; unknown codes are absent, items without a source have no offers. */
    public Map<String, ItemOffers> offers(Collection<String> items, Instant now, Duration staleAfter) {
        Map<String, ItemOffers> byItem = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return byItem;
        }
        jdbc.sql("SELECT code, name, uom FROM item WHERE code IN (:items)").param("items", items)
                .query((rs, n) -> byItem.put(rs.getString("code"), new ItemOffers(rs.getString("code"), rs.getString("name"),
                        rs.getString("uom"), new ArrayList<>())))
                .list();
        Map<String, ItemOffers> ordered = new LinkedHashMap<>();
        items.forEach(code -> {
            if (byItem.containsKey(code)) {
                ordered.put(code, byItem.get(code));
            }
        });
        jdbc.sql("""
                SELECT i.code AS item_code, s.code AS supplier_code, s.name AS supplier_name, si.lead_time_days, si.price,
                       si.currency, si.is_primary, ss.available_qty, ss.in_production, ss.available_from,
                       ss.production_lead_days, ss.as_of
                FROM supplier_item si JOIN item i ON i.id = si.item_id JOIN supplier s ON s.id = si.supplier_id
                LEFT JOIN supplier_stock ss ON ss.supplier_id = si.supplier_id AND ss.item_id = si.item_id
                WHERE i.code IN (:items) AND s.active = TRUE ORDER BY i.code, s.code""")
                .param("items", items)
                .query((rs, n) -> {
                    Timestamp asOf = rs.getTimestamp("as_of");
                    Freshness fresh = asOf == null ? null : Freshness.of(asOf.toInstant(), now, staleAfter);
                    SupplierOffer offer = new SupplierOffer(rs.getString("supplier_code"), rs.getString("supplier_name"),
                            rs.getBigDecimal("available_qty"), rs.getBigDecimal("in_production"),
                            SupplierStockRepository.date(rs, "available_from"),
                            SupplierStockRepository.integer(rs, "production_lead_days"), rs.getInt("lead_time_days"),
                            rs.getBigDecimal("price"), rs.getString("currency"), rs.getBoolean("is_primary"),
                            fresh == null ? null : fresh.ageHours(), fresh != null && fresh.stale());
                    ordered.get(rs.getString("item_code")).offers().add(offer);
                    return offer;
                })
                .list();
        return ordered;
    }
}
