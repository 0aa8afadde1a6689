package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.NamedRef;
import org.openvmi.inventory.model.CountLine;
import org.openvmi.inventory.model.CountSheet;
import org.openvmi.inventory.model.CountStatus;
import org.openvmi.inventory.model.StockKey;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Count sheets as aggregates: the snapshot of book quantities, entries, and the posting guarded by the version. */
@Repository
public class CountRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CatalogRefs catalog;

    CountRepository(JdbcClient jdbc, JdbcTemplate template, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.template = template;
        this.catalog = catalog;
    }

    public long insert(
            long warehouseId,
            Long locationId,
            String category,
            boolean blind,
            String reference,
            String user,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO stock_count (status, warehouse_id, location_id, category, blind, reference, created_by, created_at)
                VALUES ('OPEN', :w, :l, :c, :blind, :reference, :user, :now)""")
                .param("w", warehouseId)
                .param("l", locationId)
                .param("c", category)
                .param("blind", blind)
                .param("reference", reference)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Book quantities of every stock key with stock in the scope (in-transit locations are never counted), numbered
     * by location code, item code, owner and lot. The balances are the ledger's; which locations lie in the warehouse,
     * the items' categories and the codes to number by come from catalog's API (ADR 0068).
     */
    public void snapshot(long id, long warehouseId, Long locationId, String category) {
        Map<Long, LocationRef> locations = new HashMap<>(catalog.locationsIn(warehouseId));
        locations
                .values()
                .removeIf(l -> l.type() == LocationType.IN_TRANSIT || (locationId != null && l.id() != locationId));
        record Balance(
                long itemId, long locationId, String owner, Long ownerSupplierId, String lot, BigDecimal onHand) {}
        List<Balance> balances = new ArrayList<>();
        for (List<Long> chunk : chunks(locations.keySet())) {
            balances.addAll(jdbc.sql("""
                    SELECT b.item_id, b.location_id, b.owner, b.owner_supplier_id, b.lot, b.on_hand
                    FROM stock_balance b WHERE b.location_id IN (:locations) AND b.on_hand <> 0""")
                    .param("locations", chunk)
                    .query((rs, n) -> new Balance(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getObject(4, Long.class),
                            rs.getString(5),
                            rs.getBigDecimal(6)))
                    .list());
        }
        Set<Long> itemIds = balances.stream().map(Balance::itemId).collect(Collectors.toSet());
        Map<Long, ItemRef> items = catalog.itemsById(itemIds);
        if (category != null) {
            Map<Long, String> categories = catalog.itemCategories(itemIds);
            balances.removeIf(b -> !category.equals(categories.get(b.itemId())));
        }
        balances.sort(Comparator.comparing(
                        (Balance b) -> locations.get(b.locationId()).code())
                .thenComparing(b -> items.get(b.itemId()).code())
                .thenComparing(Balance::owner)
                .thenComparing(Balance::lot, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (balances.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO stock_count_line (count_id, line_no, item_id, location_id, owner, owner_supplier_id, lot, book_qty)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Balance b = balances.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i + 1);
                ps.setLong(3, b.itemId());
                ps.setLong(4, b.locationId());
                ps.setString(5, b.owner());
                ps.setObject(6, b.ownerSupplierId(), Types.BIGINT);
                ps.setString(7, b.lot());
                ps.setBigDecimal(8, b.onHand());
            }

            @Override
            public int getBatchSize() {
                return balances.size();
            }
        });
    }

    private static List<List<Long>> chunks(java.util.Collection<Long> ids) {
        List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += 1_000) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + 1_000)));
        }
        return chunks;
    }

    /** The sheet of the one-shot form: exactly the given keys, each with its book quantity now. */
    public void snapshotKeys(long id, List<DocumentRefs.ResolvedKey> keys) {
        int no = 0;
        for (DocumentRefs.ResolvedKey k : keys.stream().distinct().toList()) {
            insertLine(id, new CountLine(++no, k.key(), null, null, onHand(k.key()), null, false, null, null));
        }
    }

    public Optional<CountSheet> load(long id) {
        record Header(long version, String status, long warehouseId, Long locationId, String category, boolean blind) {}
        return jdbc.sql("""
                SELECT c.version, c.status, c.warehouse_id, c.location_id, c.category, c.blind
                FROM stock_count c WHERE c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Header(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getObject(4, Long.class),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .optional()
                .map(h -> {
                    List<CountLine> lines = jdbc.sql(
                                    "SELECT cl.* FROM stock_count_line cl WHERE cl.count_id = :id ORDER BY cl.line_no")
                            .param("id", id)
                            .query((rs, n) -> new CountLine(
                                    rs.getInt("line_no"),
                                    new StockKey(
                                            rs.getLong("item_id"),
                                            rs.getLong("location_id"),
                                            rs.getString("owner"),
                                            rs.getString("lot")),
                                    null,
                                    null,
                                    rs.getBigDecimal("book_qty"),
                                    rs.getBigDecimal("counted_qty"),
                                    rs.getBoolean("found"),
                                    rs.getBigDecimal("book_at_posting"),
                                    rs.getBigDecimal("variance")))
                            .list();
                    // codes from catalog, one query per kind (ADR 0068)
                    Set<Long> locationIds = new HashSet<>();
                    lines.forEach(l -> locationIds.add(l.key().locationId()));
                    if (h.locationId() != null) {
                        locationIds.add(h.locationId());
                    }
                    Map<Long, ItemRef> items = catalog.itemsById(
                            lines.stream().map(l -> l.key().itemId()).collect(Collectors.toSet()));
                    Map<Long, LocationRef> locations = catalog.locationsById(locationIds);
                    NamedRef warehouse =
                            catalog.warehousesById(List.of(h.warehouseId())).get(h.warehouseId());
                    return new CountSheet(
                            id,
                            h.version(),
                            CountStatus.valueOf(h.status()),
                            warehouse == null ? null : warehouse.code(),
                            h.locationId() == null ? null : code(locations.get(h.locationId())),
                            h.category(),
                            h.blind(),
                            lines.stream()
                                    .map(l -> new CountLine(
                                            l.lineNo(),
                                            l.key(),
                                            items.containsKey(l.key().itemId())
                                                    ? items.get(l.key().itemId())
                                                            .code()
                                                    : null,
                                            code(locations.get(l.key().locationId())),
                                            l.book(),
                                            l.counted(),
                                            l.found(),
                                            l.bookAtPosting(),
                                            l.variance()))
                                    .toList());
                });
    }

    /** Saves the sheet's status if nobody changed the sheet since it was loaded; false when someone did. */
    public boolean changeStatus(CountSheet sheet) {
        return jdbc.sql("UPDATE stock_count SET status = :s, version = version + 1 WHERE id = :id AND version = :v")
                        .param("s", sheet.status().name())
                        .param("id", sheet.id())
                        .param("v", sheet.version())
                        .update()
                == 1;
    }

    /** Saves counted quantities; lines that are new on the sheet (found stock) are inserted first. */
    public void saveCounted(long id, List<CountLine> lines, String user, Instant now) {
        for (CountLine l : lines) {
            if (updateCounted(id, l, user, now) == 0) {
                insertLine(id, l);
                updateCounted(id, l, user, now);
            }
        }
    }

    private int updateCounted(long id, CountLine l, String user, Instant now) {
        return jdbc.sql("""
                UPDATE stock_count_line SET counted_qty = :q, counted_by = :u, counted_at = :now
                WHERE count_id = :id AND line_no = :no""")
                .param("q", l.counted())
                .param("u", user)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("no", l.lineNo())
                .update();
    }

    /** Locks the balance row of a key (in the ledger's key order, so no deadlock) and returns its on hand, 0 if none. */
    public BigDecimal lockOnHand(StockKey key) {
        return jdbc.sql("""
                SELECT on_hand FROM stock_balance
                WHERE item_id = :i AND location_id = :l AND owner = :o AND lot = :lot FOR UPDATE""")
                .param("i", key.itemId())
                .param("l", key.locationId())
                .param("o", key.owner())
                .param("lot", key.lot())
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ZERO);
    }

    public BigDecimal onHand(StockKey key) {
        return jdbc.sql("""
                SELECT on_hand FROM stock_balance WHERE item_id = :i AND location_id = :l AND owner = :o AND lot = :lot""")
                .param("i", key.itemId())
                .param("l", key.locationId())
                .param("o", key.owner())
                .param("lot", key.lot())
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ZERO);
    }

    public void savePosted(CountSheet sheet, Long postingId, String user, Instant now) {
        for (CountLine l : sheet.lines()) {
            jdbc.sql(
                            "UPDATE stock_count_line SET book_at_posting = :b, variance = :v WHERE count_id = :id AND line_no = :no")
                    .param("b", l.bookAtPosting())
                    .param("v", l.variance())
                    .param("id", sheet.id())
                    .param("no", l.lineNo())
                    .update();
        }
        jdbc.sql("UPDATE stock_count SET posted_by = :u, posted_at = :now, posting_id = :p WHERE id = :id")
                .param("u", user)
                .param("now", Timestamp.from(now))
                .param("p", postingId)
                .param("id", sheet.id())
                .update();
    }

    private static String code(LocationRef location) {
        return location == null ? null : location.code();
    }

    /** Inserts one line; the supplier owning consignment stock is found by its code through catalog (ADR 0068). */
    private void insertLine(long id, CountLine l) {
        String owner = l.key().owner();
        Long ownerSupplierId =
                "OWN".equals(owner) ? null : catalog.suppliers(List.of(owner)).get(owner);
        jdbc.sql("""
                INSERT INTO stock_count_line (count_id, line_no, item_id, location_id, owner, owner_supplier_id, lot,
                                              book_qty, found)
                VALUES (:id, :no, :item, :loc, :owner, :ownerSupplier, :lot, :book, :found)""")
                .param("ownerSupplier", ownerSupplierId)
                .param("id", id)
                .param("no", l.lineNo())
                .param("item", l.key().itemId())
                .param("loc", l.key().locationId())
                .param("owner", l.key().owner())
                .param("lot", l.key().lot())
                .param("book", l.book())
                .param("found", l.found())
                .update();
    }

    /** The supplier owning each line's stock, by line number (absent for own stock), for the ledger's typed lines. */
    public Map<Integer, Long> ownerSupplierIds(long id) {
        Map<Integer, Long> owners = new HashMap<>();
        jdbc.sql(
                        "SELECT line_no, owner_supplier_id FROM stock_count_line WHERE count_id = :id AND owner_supplier_id IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> owners.put(rs.getInt(1), rs.getLong(2)))
                .list();
        return owners;
    }
}
