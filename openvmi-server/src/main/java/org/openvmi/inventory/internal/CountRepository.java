package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.inventory.model.CountLine;
import org.openvmi.inventory.model.CountSheet;
import org.openvmi.inventory.model.CountStatus;
import org.openvmi.inventory.model.StockKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Count sheets as aggregates: the snapshot of book quantities, entries, and the posting guarded by the version. */
@Repository
public class CountRepository {

    private final JdbcClient jdbc;

    CountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Book quantities of every stock key with stock in the scope (in-transit locations are never counted). */
    public void snapshot(long id, long warehouseId, Long locationId, String category) {
        jdbc.sql("""
                INSERT INTO stock_count_line (count_id, line_no, item_id, location_id, owner, owner_supplier_id, lot, book_qty)
                SELECT :id, ROW_NUMBER() OVER (ORDER BY l.code, i.code, b.owner, b.lot), b.item_id, b.location_id,
                       b.owner, b.owner_supplier_id, b.lot, b.on_hand
                FROM stock_balance b JOIN item i ON i.id = b.item_id JOIN location l ON l.id = b.location_id
                WHERE l.warehouse_id = :w AND l.type <> 'IN_TRANSIT' AND b.on_hand <> 0
                  AND (CAST(:l AS BIGINT) IS NULL OR b.location_id = :l)
                  AND (CAST(:c AS VARCHAR(64)) IS NULL OR i.category = :c)""")
                .param("id", id)
                .param("w", warehouseId)
                .param("l", locationId)
                .param("c", category)
                .update();
    }

    /** The sheet of the one-shot form: exactly the given keys, each with its book quantity now. */
    public void snapshotKeys(long id, List<DocumentRefs.ResolvedKey> keys) {
        int no = 0;
        for (DocumentRefs.ResolvedKey k : keys.stream().distinct().toList()) {
            insertLine(id, new CountLine(++no, k.key(), null, null, onHand(k.key()), null, false, null, null));
        }
    }

    public Optional<CountSheet> load(long id) {
        record Header(long version, String status, String warehouse, String location, String category, boolean blind) {}
        return jdbc.sql("""
                SELECT c.version, c.status, w.code AS wh, l.code AS loc, c.category, c.blind
                FROM stock_count c JOIN warehouse w ON w.id = c.warehouse_id LEFT JOIN location l ON l.id = c.location_id
                WHERE c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Header(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .optional()
                .map(h -> new CountSheet(
                        id,
                        h.version(),
                        CountStatus.valueOf(h.status()),
                        h.warehouse(),
                        h.location(),
                        h.category(),
                        h.blind(),
                        jdbc.sql("""
                                SELECT cl.*, i.code AS item_code, l.code AS location_code
                                FROM stock_count_line cl JOIN item i ON i.id = cl.item_id JOIN location l ON l.id = cl.location_id
                                WHERE cl.count_id = :id ORDER BY cl.line_no""")
                                .param("id", id)
                                .query((rs, n) -> new CountLine(
                                        rs.getInt("line_no"),
                                        new StockKey(
                                                rs.getLong("item_id"),
                                                rs.getLong("location_id"),
                                                rs.getString("owner"),
                                                rs.getString("lot")),
                                        rs.getString("item_code"),
                                        rs.getString("location_code"),
                                        rs.getBigDecimal("book_qty"),
                                        rs.getBigDecimal("counted_qty"),
                                        rs.getBoolean("found"),
                                        rs.getBigDecimal("book_at_posting"),
                                        rs.getBigDecimal("variance")))
                                .list()));
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

    private void insertLine(long id, CountLine l) {
        jdbc.sql("""
                INSERT INTO stock_count_line (count_id, line_no, item_id, location_id, owner, owner_supplier_id, lot,
                                              book_qty, found)
                VALUES (:id, :no, :item, :loc, :owner,
                        CASE WHEN :owner = 'OWN' THEN NULL ELSE (SELECT s.id FROM supplier s WHERE s.code = :owner) END,
                        :lot, :book, :found)""")
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
