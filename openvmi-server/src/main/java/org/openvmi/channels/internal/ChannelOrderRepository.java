package org.openvmi.channels.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.channels.ChannelOrderView;
import org.openvmi.channels.model.ChannelOrderStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Channel orders, their lines and the reservations they hold. Item codes come from catalog's {@link CatalogRefs}, one
 * batched query per order (ADR 0052: this SQL names only channels' tables).
 */
@Repository
public class ChannelOrderRepository {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final CatalogRefs refs;

    ChannelOrderRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, CatalogRefs refs) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.refs = refs;
    }

    public record Order(long id, long channelId, String orderId, ChannelOrderStatus status, String requestHash) {}

    public record HoldRow(
            long reservationId,
            long itemId,
            long warehouseId,
            String item,
            String location,
            String lot,
            BigDecimal qty) {}

    public Optional<Order> find(long channelId, String orderId) {
        return jdbc.sql("SELECT id, channel_id, order_id, status, request_hash FROM channel_order "
                        + "WHERE channel_id = :c AND order_id = :o")
                .param("c", channelId)
                .param("o", orderId)
                .query((rs, n) -> new Order(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        ChannelOrderStatus.valueOf(rs.getString(4)),
                        rs.getString(5)))
                .optional();
    }

    /**
     * Inserts the order unless the channel has one with this id already (then empty: the caller reads that one). A
     * twin being placed concurrently makes this wait for it on PostgreSQL (the unique key), so the order lookup of a
     * new order needs no statement of its own (ADR 0097).
     */
    public java.util.OptionalLong insertIfNew(long channelId, String orderId, String hash, String user, Instant at) {
        var keys = new GeneratedKeyHolder();
        int n = jdbc.sql("""
                INSERT INTO channel_order (channel_id, order_id, status, request_hash, created_by, created_at)
                VALUES (:c, :o, 'RESERVED', :h, :u, :at) ON CONFLICT DO NOTHING""")
                .param("c", channelId)
                .param("o", orderId)
                .param("h", hash)
                .param("u", user)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return n == 1 ? java.util.OptionalLong.of(keys.getKey().longValue()) : java.util.OptionalLong.empty();
    }

    public void line(long orderId, int lineNo, long itemId, BigDecimal qty) {
        jdbc.sql("INSERT INTO channel_order_line (channel_order_id, line_no, item_id, qty) VALUES (:o, :n, :i, :q)")
                .param("o", orderId)
                .param("n", lineNo)
                .param("i", itemId)
                .param("q", qty)
                .update();
    }

    /** An order line to write: the item and quantity. */
    public record LineRow(long itemId, BigDecimal qty) {}

    /** The order's lines, numbered from 0 in the given order, in one JDBC batch. */
    public void lines(long orderId, List<LineRow> lines) {
        if (lines.size() == 1) {
            line(orderId, 0, lines.get(0).itemId(), lines.get(0).qty());
            return;
        }
        List<Object[]> args = new java.util.ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            args.add(new Object[] {
                orderId, n, lines.get(n).itemId(), lines.get(n).qty()
            });
        }
        batch.batchUpdate(
                "INSERT INTO channel_order_line (channel_order_id, line_no, item_id, qty) VALUES (?, ?, ?, ?)", args);
    }

    /** The order's holds ({@code item} code unused), in one JDBC batch. */
    public void holds(long orderId, List<HoldRow> holds) {
        if (holds.size() == 1) {
            HoldRow h = holds.get(0);
            hold(orderId, h.reservationId(), h.itemId(), h.warehouseId(), h.location(), h.lot(), h.qty());
            return;
        }
        List<Object[]> args = new java.util.ArrayList<>();
        for (HoldRow h : holds) {
            args.add(new Object[] {
                orderId,
                h.reservationId(),
                h.itemId(),
                h.warehouseId(),
                h.location(),
                h.lot() == null ? "" : h.lot(),
                h.qty()
            });
        }
        batch.batchUpdate("""
                INSERT INTO channel_order_hold (channel_order_id, reservation_id, item_id, warehouse_id, location, lot, qty)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", args);
    }

    public void hold(
            long orderId,
            long reservationId,
            long itemId,
            long warehouseId,
            String location,
            String lot,
            BigDecimal qty) {
        jdbc.sql("""
                INSERT INTO channel_order_hold (channel_order_id, reservation_id, item_id, warehouse_id, location, lot, qty)
                VALUES (:o, :r, :i, :w, :l, :lot, :q)""")
                .param("o", orderId)
                .param("r", reservationId)
                .param("i", itemId)
                .param("w", warehouseId)
                .param("l", location)
                .param("lot", lot == null ? "" : lot)
                .param("q", qty)
                .update();
    }

    /** The order's holds by reservation id, each with its item's code. */
    public List<HoldRow> holds(long orderId) {
        List<HoldRow> holds = rawHolds(orderId);
        return withCodes(holds, items(holds.stream().map(HoldRow::itemId).toList()));
    }

    /** The order's holds by reservation id, {@code item} (the code) not filled in. */
    public List<HoldRow> rawHolds(long orderId) {
        return jdbc.sql("""
                SELECT reservation_id, item_id, warehouse_id, location, lot, qty
                FROM channel_order_hold WHERE channel_order_id = :o ORDER BY reservation_id""")
                .param("o", orderId)
                .query((rs, n) -> new HoldRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        null,
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6)))
                .list();
    }

    private static List<HoldRow> withCodes(List<HoldRow> holds, Map<Long, ItemRef> items) {
        return holds.stream()
                .map(h -> new HoldRow(
                        h.reservationId(),
                        h.itemId(),
                        h.warehouseId(),
                        items.get(h.itemId()).code(),
                        h.location(),
                        h.lot(),
                        h.qty()))
                .toList();
    }

    private Map<Long, ItemRef> items(List<Long> itemIds) {
        return refs.itemsById(new TreeSet<>(itemIds));
    }

    public List<Long> itemIds(long orderId) {
        return jdbc.sql("SELECT DISTINCT item_id FROM channel_order_line WHERE channel_order_id = :o")
                .param("o", orderId)
                .query(Long.class)
                .list();
    }

    /**
     * Moves the order on from RESERVED and ends its active holds; empty when someone else moved it first. The holds
     * ended are returned for {@link #subtractHeld} once their reservations are released (ADR 0097: the running totals
     * are taken after the balance rows, as every other path takes them).
     */
    public Optional<List<EndedHold>> close(long orderId, ChannelOrderStatus to, String user, Instant at) {
        int n = jdbc.sql("""
                UPDATE channel_order SET status = :s, closed_by = :u, closed_at = :at
                WHERE id = :o AND status = 'RESERVED'""")
                .param("s", to.name())
                .param("u", user)
                .param("at", Timestamp.from(at))
                .param("o", orderId)
                .update();
        if (n != 1) {
            return Optional.empty();
        }
        return Optional.of(endHolds("channel_order_id = :o", "o", orderId));
    }

    /** A hold just ended: its order, item, warehouse and quantity (what comes off the running total). */
    public record EndedHold(long orderId, long reservationId, long itemId, long warehouseId, BigDecimal qty) {}

    /**
     * Ends the active holds the condition names: locks them ({@code FOR UPDATE}, so a hold another transaction ended
     * meanwhile is not ended twice), marks them inactive and returns them.
     */
    private List<EndedHold> endHolds(String where, String name, long value) {
        List<EndedHold> ended = jdbc.sql("SELECT channel_order_id, reservation_id, item_id, warehouse_id, qty "
                        + "FROM channel_order_hold WHERE " + where + " AND active = TRUE "
                        + "ORDER BY channel_order_id, reservation_id FOR UPDATE")
                .param(name, value)
                .query((rs, n) ->
                        new EndedHold(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
        if (!ended.isEmpty()) {
            jdbc.sql("UPDATE channel_order_hold SET active = FALSE WHERE " + where + " AND active = TRUE")
                    .param(name, value)
                    .update();
        }
        return ended;
    }

    /**
     * Adds what an order just reserved (per item, per warehouse) to the channel's running totals
     * ({@code channel_item_held}, ADR 0097), under the items' channel locks: one statement per (item, warehouse), a
     * JDBC batch when there are several; a total not there yet is inserted.
     */
    public void addHeld(long channelId, Map<Long, Map<Long, BigDecimal>> reserved) {
        List<Object[]> args = new java.util.ArrayList<>();
        reserved.forEach((item, byWarehouse) ->
                byWarehouse.forEach((warehouse, qty) -> args.add(new Object[] {qty, item, channelId, warehouse})));
        if (args.isEmpty()) {
            return;
        }
        String update = "UPDATE channel_item_held SET qty = qty + ? WHERE item_id = ? AND channel_id = ? "
                + "AND warehouse_id = ?";
        int[] updated =
                args.size() == 1 ? new int[] {batch.update(update, args.get(0))} : batch.batchUpdate(update, args);
        for (int i = 0; i < args.size(); i++) {
            if (updated[i] == 0) { // the first hold of the channel on this item and warehouse (the item lock is held)
                Object[] a = args.get(i);
                batch.update(
                        "INSERT INTO channel_item_held (item_id, channel_id, warehouse_id, qty) VALUES (?, ?, ?, ?)",
                        a[1],
                        a[2],
                        a[3],
                        a[0]);
            }
        }
    }

    /** Takes ended holds off their channels' running totals (one JDBC batch). */
    public void subtractHeld(List<EndedHold> ended) {
        if (ended.isEmpty()) {
            return;
        }
        List<Object[]> args = new java.util.ArrayList<>();
        for (EndedHold h : ended) {
            args.add(new Object[] {h.qty(), h.itemId(), h.warehouseId(), h.orderId()});
        }
        batch.batchUpdate("""
                UPDATE channel_item_held SET qty = qty - ?
                WHERE item_id = ? AND warehouse_id = ?
                  AND channel_id = (SELECT channel_id FROM channel_order WHERE id = ?)""", args);
    }

    /**
     * A reservation ended outside channels: its hold stops counting. Returns the channel order that held it, or empty
     * when no active hold had it (not a channel's, or the channel module's own commit or release, which ends its
     * holds before releasing their reservations).
     */
    public Optional<Long> endHold(long reservationId) {
        List<EndedHold> ended = endHolds("reservation_id = :r", "r", reservationId);
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        subtractHeld(ended); // the caller's release holds the balance row already: the totals come after it
        return Optional.of(ended.get(0).orderId());
    }

    /**
     * Moves a RESERVED order to RELEASED because one of its reservations was released outside channels, with the
     * reason (its English text, its code and the reservation, ADR 0084); returns the reservations of its holds still active (now ended too), for the caller to release. Empty
     * when the order was no longer RESERVED.
     */
    public List<Long> releasedOutside(
            long orderId, String user, Instant at, String reason, String code, long reservation) {
        int n = jdbc.sql("""
                UPDATE channel_order SET status = 'RELEASED', closed_by = :u, closed_at = :at, close_reason = :why,
                       close_code = :code, close_reservation = :r
                WHERE id = :o AND status = 'RESERVED'""")
                .param("u", user)
                .param("at", Timestamp.from(at))
                .param("why", reason.length() > 200 ? reason.substring(0, 200) : reason)
                .param("code", code)
                .param("r", reservation)
                .param("o", orderId)
                .update();
        if (n == 0) {
            return List.of();
        }
        List<EndedHold> ended = endHolds("channel_order_id = :o", "o", orderId);
        subtractHeld(ended);
        return ended.stream().map(EndedHold::reservationId).toList();
    }

    public Optional<ChannelOrderView> view(long id) {
        record RawLine(long itemId, BigDecimal qty) {}
        List<RawLine> rawLines = jdbc.sql(
                        "SELECT item_id, qty FROM channel_order_line WHERE channel_order_id = :o ORDER BY line_no")
                .param("o", id)
                .query((rs, n) -> new RawLine(rs.getLong(1), rs.getBigDecimal(2)))
                .list();
        List<HoldRow> rawHolds = rawHolds(id);
        List<Long> itemIds =
                new java.util.ArrayList<>(rawLines.stream().map(RawLine::itemId).toList());
        itemIds.addAll(rawHolds.stream().map(HoldRow::itemId).toList());
        Map<Long, ItemRef> items = items(itemIds); // one query for the lines and the holds
        List<ChannelOrderView.Line> lines = rawLines.stream()
                .map(l -> new ChannelOrderView.Line(
                        items.get(l.itemId()).code(), org.openvmi.shared.Decimals.plain(l.qty())))
                .toList();
        List<ChannelOrderView.Hold> holds = withCodes(rawHolds, items).stream()
                .map(h -> new ChannelOrderView.Hold(
                        h.reservationId(),
                        h.item(),
                        h.location(),
                        h.lot().isEmpty() ? null : h.lot(),
                        org.openvmi.shared.Decimals.plain(h.qty())))
                .toList();
        return jdbc.sql("""
                SELECT c.code, o.order_id, o.status, o.created_by, o.created_at, o.closed_by, o.closed_at,
                       o.close_reason, o.close_code, o.close_reservation
                FROM channel_order o JOIN channel c ON c.id = o.channel_id WHERE o.id = :o""")
                .param("o", id)
                .query((rs, n) -> new ChannelOrderView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        lines,
                        holds,
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getObject(10, Long.class)))
                .optional();
    }

    /**
     * Records the lines of an order refused for lack of available-to-sell, unless a refusal of the same order id is
     * recorded already (a retried request counts once).
     */
    public void refused(long channelId, String orderId, Map<Long, BigDecimal> lines, Instant at) {
        Integer known = jdbc.sql("SELECT COUNT(*) FROM channel_order_refusal WHERE channel_id = :c AND order_id = :o")
                .param("c", channelId)
                .param("o", orderId)
                .query(Integer.class)
                .single();
        if (known > 0) {
            return;
        }
        int n = 0;
        for (var e : lines.entrySet()) {
            jdbc.sql("INSERT INTO channel_order_refusal (channel_id, order_id, line_no, item_id, qty, refused_at) "
                            + "VALUES (:c, :o, :n, :i, :q, :at)")
                    .param("c", channelId)
                    .param("o", orderId)
                    .param("n", n++)
                    .param("i", e.getKey())
                    .param("q", e.getValue())
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    public record OutcomeRow(String channel, String orderId, long itemId, BigDecimal qty, String status, Instant at) {}

    /**
     * The lines of the orders placed in {@code [from, to)} and of the refusals recorded then whose order id was never
     * placed.
     */
    public List<OutcomeRow> outcomes(Instant from, Instant to) {
        return jdbc.sql(
                        "SELECT c.code, o.order_id, l.item_id, l.qty, o.status, o.created_at AS at FROM channel_order o "
                                + "JOIN channel c ON c.id = o.channel_id JOIN channel_order_line l ON l.channel_order_id = o.id "
                                + "WHERE o.created_at >= :from AND o.created_at < :to "
                                + "UNION ALL SELECT c.code, r.order_id, r.item_id, r.qty, 'REFUSED', r.refused_at FROM "
                                + "channel_order_refusal r JOIN channel c ON c.id = r.channel_id "
                                + "WHERE r.refused_at >= :from AND r.refused_at < :to AND NOT EXISTS (SELECT 1 FROM "
                                + "channel_order o WHERE o.channel_id = r.channel_id AND o.order_id = r.order_id)")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new OutcomeRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    public Map<Long, ItemRef> itemRefs(java.util.Collection<Long> itemIds) {
        return refs.itemsById(new TreeSet<>(itemIds));
    }
}
