package org.openvmi.inventory;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk reads of the ledger per item and warehouse, for planning: positions (on hand and reserved at the warehouse's
 * own locations, in transit towards it) and the movement stream from which demand history and stockout days are
 * built. In-transit locations are not "at" the warehouse: their stock counts as in transit to it.
 */
@Service
public class StockPositions {

    /** Item and warehouse. */
    public record Key(long itemId, long warehouseId) {}

    /** Stock of one item at one warehouse: on hand (all owners), reserved, in transit towards it, own stock on hand. */
    public record Position(BigDecimal onHand, BigDecimal reserved, BigDecimal inTransit, BigDecimal ownOnHand) {

        public static final Position NONE =
                new Position(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A movement at a warehouse's own (not in-transit) location, quantity signed as posted. */
    public record WarehouseMovement(long itemId, long warehouseId, String type, BigDecimal qty, Instant postedAt) {}

    /** Receives movements one by one. */
    public interface MovementSink {
        void accept(WarehouseMovement movement);
    }

    private final JdbcClient jdbc;

    StockPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Positions of every item at every warehouse (or one warehouse) that has a balance row. */
    @Transactional(readOnly = true)
    public Map<Key, Position> positions(Long warehouseId) {
        Map<Key, Position> positions = new HashMap<>();
        jdbc.sql("""
                SELECT b.item_id, l.warehouse_id,
                       SUM(CASE WHEN l.type <> 'IN_TRANSIT' THEN b.on_hand ELSE 0 END),
                       SUM(CASE WHEN l.type <> 'IN_TRANSIT' THEN b.reserved ELSE 0 END),
                       SUM(CASE WHEN l.type = 'IN_TRANSIT' THEN b.on_hand ELSE 0 END),
                       SUM(CASE WHEN l.type <> 'IN_TRANSIT' AND b.owner = 'OWN' THEN b.on_hand ELSE 0 END)
                FROM stock_balance b JOIN location l ON l.id = b.location_id
                WHERE (CAST(:w AS BIGINT) IS NULL OR l.warehouse_id = :w)
                GROUP BY b.item_id, l.warehouse_id""").param("w", warehouseId).query(rs -> {
            positions.put(
                    new Key(rs.getLong(1), rs.getLong(2)),
                    new Position(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)));
        });
        return positions;
    }

    /** Positions of the given items at every warehouse where they have a balance row (a rule's event path). */
    @Transactional(readOnly = true)
    public Map<Key, Position> positionsOfItems(java.util.Collection<Long> itemIds) {
        Map<Key, Position> positions = new HashMap<>();
        if (itemIds.isEmpty()) {
            return positions;
        }
        jdbc.sql("""
                SELECT b.item_id, l.warehouse_id,
                       SUM(CASE WHEN l.type <> 'IN_TRANSIT' THEN b.on_hand ELSE 0 END),
                       SUM(CASE WHEN l.type <> 'IN_TRANSIT' THEN b.reserved ELSE 0 END),
                       SUM(CASE WHEN l.type = 'IN_TRANSIT' THEN b.on_hand ELSE 0 END),
                       SUM(CASE WHEN l.type <> 'IN_TRANSIT' AND b.owner = 'OWN' THEN b.on_hand ELSE 0 END)
                FROM stock_balance b JOIN location l ON l.id = b.location_id
                WHERE b.item_id IN (:items)
                GROUP BY b.item_id, l.warehouse_id""").param("items", itemIds).query(rs -> {
            positions.put(
                    new Key(rs.getLong(1), rs.getLong(2)),
                    new Position(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)));
        });
        return positions;
    }

    /** The movements of the given items posted at or after {@code from} at non-transit locations, oldest first. */
    @Transactional(readOnly = true)
    public void forEachMovementSince(Instant from, java.util.Collection<Long> itemIds, MovementSink sink) {
        if (itemIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                SELECT m.item_id, l.warehouse_id, m.type, m.qty, m.posted_at
                FROM stock_movement m JOIN location l ON l.id = m.location_id
                WHERE m.item_id IN (:items) AND m.posted_at >= :from AND l.type <> 'IN_TRANSIT'
                ORDER BY m.posted_at, m.id""")
                .param("items", itemIds)
                .param("from", Timestamp.from(from))
                .query(rs -> {
                    sink.accept(new WarehouseMovement(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getBigDecimal(4),
                            rs.getTimestamp(5).toInstant()));
                });
    }

    /** Every movement posted at or after {@code from} at a non-transit location, oldest first. */
    @Transactional(readOnly = true)
    public void forEachMovementSince(Instant from, MovementSink sink) {
        jdbc.sql("""
                SELECT m.item_id, l.warehouse_id, m.type, m.qty, m.posted_at
                FROM stock_movement m JOIN location l ON l.id = m.location_id
                WHERE m.posted_at >= :from AND l.type <> 'IN_TRANSIT'
                ORDER BY m.posted_at, m.id""").param("from", Timestamp.from(from)).query(rs -> {
            sink.accept(new WarehouseMovement(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getTimestamp(5).toInstant()));
        });
    }

    /** The location holding the most own, available stock of an item in a warehouse (where a transfer ships from). */
    @Transactional(readOnly = true)
    public String richestLocation(long itemId, long warehouseId) {
        return jdbc.sql("""
                SELECT l.code FROM stock_balance b JOIN location l ON l.id = b.location_id
                WHERE b.item_id = :i AND l.warehouse_id = :w AND l.type <> 'IN_TRANSIT' AND b.owner = 'OWN'
                  AND b.on_hand - b.reserved > 0
                ORDER BY b.on_hand - b.reserved DESC, l.code""").param("i", itemId).param("w", warehouseId).query(String.class).stream()
                .findFirst()
                .orElse(null);
    }
}
