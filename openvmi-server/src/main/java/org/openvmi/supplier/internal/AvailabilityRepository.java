package org.openvmi.supplier.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
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
    public record ItemOffers(String item, String itemName, String uom, List<SupplierOffer> offers) {}

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    AvailabilityRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * By item code, in the order asked; unknown codes are absent, items without a source have no offers. Items and
     * their sources (active suppliers, by item then supplier code) come from catalog; the reported stock is ours.
     */
    public Map<String, ItemOffers> offers(Collection<String> items, Instant now, Duration staleAfter) {
        Map<String, ItemOffers> ordered = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return ordered;
        }
        Map<String, ItemRef> refs = catalog.items(items);
        Map<Long, ItemOffers> byId = new HashMap<>();
        items.forEach(code -> {
            ItemRef ref = refs.get(code);
            if (ref != null && ref.code().equals(code) && !ordered.containsKey(code)) { // codes only, not barcodes
                ItemOffers offers = new ItemOffers(ref.code(), ref.name(), ref.uom(), new ArrayList<>());
                ordered.put(code, offers);
                byId.put(ref.id(), offers);
            }
        });
        if (byId.isEmpty()) {
            return ordered;
        }
        List<CatalogRefs.Source> sources = catalog.activeSources(byId.keySet());
        Map<List<Long>, Map<String, Object>> stock = new HashMap<>();
        jdbc.sql("""
                SELECT supplier_id, item_id, available_qty, in_production, available_from, production_lead_days, as_of
                FROM supplier_stock WHERE item_id IN (:items)""")
                .param("items", byId.keySet())
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("available_qty", rs.getBigDecimal("available_qty"));
                    row.put("in_production", rs.getBigDecimal("in_production"));
                    row.put("available_from", SupplierStockRepository.date(rs, "available_from"));
                    row.put("production_lead_days", SupplierStockRepository.integer(rs, "production_lead_days"));
                    Timestamp asOf = rs.getTimestamp("as_of");
                    row.put("as_of", asOf == null ? null : asOf.toInstant());
                    return stock.put(List.of(rs.getLong("supplier_id"), rs.getLong("item_id")), row);
                })
                .list();
        for (CatalogRefs.Source s : sources) {
            Map<String, Object> ss = stock.getOrDefault(List.of(s.supplierId(), s.itemId()), Map.of());
            Instant asOf = (Instant) ss.get("as_of");
            Freshness fresh = asOf == null ? null : Freshness.of(asOf, now, staleAfter);
            byId.get(s.itemId())
                    .offers()
                    .add(new SupplierOffer(
                            s.supplierCode(),
                            s.supplierName(),
                            (BigDecimal) ss.get("available_qty"),
                            (BigDecimal) ss.get("in_production"),
                            (LocalDate) ss.get("available_from"),
                            (Integer) ss.get("production_lead_days"),
                            s.leadTimeDays(),
                            s.price(),
                            s.currency(),
                            s.primary(),
                            fresh == null ? null : fresh.ageHours(),
                            fresh != null && fresh.stale()));
        }
        return ordered;
    }
}
