package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.inventory.model.Transfer;
import org.openvmi.inventory.model.TransferLine;
import org.openvmi.inventory.model.TransferStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Transfers as aggregates: insert, load, and state changes guarded by the version column. */
@Repository
public class TransferRepository {

    /** A line of a new transfer, resolved to ids. */
    public record NewLine(long itemId, String owner, Long ownerSupplierId, String lot, BigDecimal qty) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CatalogRefs catalog;

    TransferRepository(JdbcClient jdbc, JdbcTemplate template, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.template = template;
    }

    public long insert(
            long fromLocationId, long toLocationId, String reference, List<NewLine> lines, String user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO stock_transfer (status, from_location_id, to_location_id, reference, created_by, created_at)
                VALUES ('DRAFT', :from, :to, :reference, :user, :now)""")
                .param("from", fromLocationId)
                .param("to", toLocationId)
                .param("reference", reference)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            jdbc.sql("""
                    INSERT INTO stock_transfer_line (transfer_id, line_no, item_id, owner, owner_supplier_id, lot, qty)
                    VALUES (:id, :no, :item, :owner, :supplier, :lot, :qty)""")
                    .param("id", id)
                    .param("no", i + 1)
                    .param("item", l.itemId())
                    .param("owner", l.owner())
                    .param("supplier", l.ownerSupplierId())
                    .param("lot", l.lot())
                    .param("qty", l.qty())
                    .update();
        }
        return id;
    }

    /** The transfer with its location and item codes: its own rows, then one catalog query per kind (ADR 0052). */
    public Optional<Transfer> load(long id) {
        record Header(long version, String status, long from, long to, Long transit) {}
        record LineRow(long itemId, TransferLine line) {}
        Optional<Header> header = jdbc.sql("""
                SELECT t.version, t.status, t.from_location_id, t.to_location_id, t.transit_location_id
                FROM stock_transfer t WHERE t.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Header(
                        rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getObject(5, Long.class)))
                .optional();
        return header.map(h -> {
            List<LineRow> lines = jdbc.sql("""
                    SELECT tl.line_no, tl.item_id, tl.owner, tl.lot, tl.qty, tl.shipped_qty, tl.received_qty
                    FROM stock_transfer_line tl WHERE tl.transfer_id = :id ORDER BY tl.line_no""")
                    .param("id", id)
                    .query((rs, n) -> new LineRow(
                            rs.getLong(2),
                            new TransferLine(
                                    rs.getInt(1),
                                    null,
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getBigDecimal(5),
                                    rs.getBigDecimal(6),
                                    rs.getBigDecimal(7))))
                    .list();
            List<Long> locationIds = new java.util.ArrayList<>(List.of(h.from(), h.to()));
            if (h.transit() != null) {
                locationIds.add(h.transit());
            }
            Map<Long, LocationRef> locations = catalog.locationsById(locationIds);
            Map<Long, ItemRef> items = catalog.itemsById(
                    lines.stream().map(LineRow::itemId).distinct().toList());
            return new Transfer(
                    id,
                    h.version(),
                    TransferStatus.valueOf(h.status()),
                    locations.get(h.from()).code(),
                    locations.get(h.to()).code(),
                    h.transit() == null ? null : locations.get(h.transit()).code(),
                    lines.stream()
                            .map(r -> {
                                TransferLine l = r.line();
                                return new TransferLine(
                                        l.lineNo(),
                                        items.get(r.itemId()).code(),
                                        l.owner(),
                                        l.lot(),
                                        l.qty(),
                                        l.shipped(),
                                        l.received());
                            })
                            .toList());
        });
    }

    /**
     * Moves the transfer to its new status if nobody changed it since it was loaded: one conditional statement, so of
     * two concurrent changes (two clicks on "ship") exactly one wins; the other gets false and runs again.
     */
    public boolean changeStatus(Transfer t) {
        return jdbc.sql("""
                UPDATE stock_transfer SET status = :status, version = version + 1
                WHERE id = :id AND version = :version""")
                        .param("status", t.status().name())
                        .param("id", t.id())
                        .param("version", t.version())
                        .update()
                == 1;
    }

    public void markShipped(long id, long transitLocationId, Instant now) {
        jdbc.sql("UPDATE stock_transfer SET transit_location_id = :transit, shipped_at = :now WHERE id = :id")
                .param("transit", transitLocationId)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public void markFinished(long id, String closeReason, Instant now) {
        jdbc.sql("UPDATE stock_transfer SET finished_at = :now, close_reason = :reason WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("reason", closeReason)
                .param("id", id)
                .update();
    }

    public void saveQuantities(Transfer t) {
        List<TransferLine> lines = t.lines();
        template.batchUpdate("""
                UPDATE stock_transfer_line SET shipped_qty = ?, received_qty = ?
                WHERE transfer_id = ? AND line_no = ?""", lines, 200, (ps, l) -> {
            ps.setBigDecimal(1, l.shipped());
            ps.setBigDecimal(2, l.received());
            ps.setLong(3, t.id());
            ps.setInt(4, l.lineNo());
        });
    }

    /**
     * Makes sure every stock key the transfer brings to its destination has a balance row (zero when new), so that
     * {@code GET /stock} shows the quantity in transit towards it before anything arrived. Only ever inserts zero
     * balances, which the ledger invariants allow (on hand 0 = no movements).
     */
    public void ensureDestinationBalances(long id, Instant now) {
        jdbc.sql("""
                INSERT INTO stock_balance (item_id, location_id, owner, owner_supplier_id, lot, updated_at)
                SELECT tl.item_id, t.to_location_id, tl.owner, tl.owner_supplier_id, tl.lot, :now
                FROM stock_transfer_line tl JOIN stock_transfer t ON t.id = tl.transfer_id
                WHERE t.id = :id AND NOT EXISTS (SELECT 1 FROM stock_balance b WHERE b.item_id = tl.item_id
                      AND b.location_id = t.to_location_id AND b.owner = tl.owner AND b.lot = tl.lot)""").param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** The ids a transfer posts the ledger with: its locations (transit once shipped) and each line's item and owner. */
    public record LedgerIds(long from, long to, Long transit, Map<Integer, LineIds> lines) {}

    public record LineIds(long itemId, Long ownerSupplierId) {}

    public LedgerIds ledgerIds(long id) {
        Map<Integer, LineIds> lines = new HashMap<>();
        jdbc.sql("SELECT line_no, item_id, owner_supplier_id FROM stock_transfer_line WHERE transfer_id = :id")
                .param("id", id)
                .query((rs, n) -> lines.put(rs.getInt(1), new LineIds(rs.getLong(2), rs.getObject(3, Long.class))))
                .list();
        return jdbc.sql(
                        "SELECT from_location_id, to_location_id, transit_location_id FROM stock_transfer WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new LedgerIds(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), lines))
                .single();
    }
}
