package org.openvmi.inventory;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
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
    private final CatalogRefs catalog;

    StockPositions(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * Positions of every item at every warehouse (or one warehouse) that has a balance row. The balances are summed
     * per item and location here, and placed at their warehouse (or in transit towards it) with catalog's locations,
     * read once for the whole call (ADR 0068: the ledger reads no catalog table).
     */
    @Transactional(readOnly = true)
    public Map<Key, Position> positions(Long warehouseId) {
        Map<Long, LocationRef> locations = catalog.locationsIn(warehouseId);
        Map<Key, Sums> sums = new HashMap<>();
        if (warehouseId == null) {
            jdbc.sql(BY_LOCATION + " GROUP BY b.item_id, b.location_id").query(rs -> {
                add(sums, locations, rs);
            });
        } else {
            for (List<Long> chunk : chunks(locations.keySet())) {
                jdbc.sql(BY_LOCATION + " WHERE b.location_id IN (:locations) GROUP BY b.item_id, b.location_id")
                        .param("locations", chunk)
                        .query(rs -> {
                            add(sums, locations, rs);
                        });
            }
        }
        return positions(sums);
    }

    /** Positions of the given items at every warehouse where they have a balance row (a rule's event path). */
    @Transactional(readOnly = true)
    public Map<Key, Position> positionsOfItems(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return new HashMap<>();
        }
        List<long[]> keys = new ArrayList<>();
        List<BigDecimal[]> figures = new ArrayList<>();
        jdbc.sql(BY_LOCATION + " WHERE b.item_id IN (:items) GROUP BY b.item_id, b.location_id")
                .param("items", itemIds)
                .query(rs -> {
                    keys.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    figures.add(new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)});
                });
        Set<Long> locationIds = new HashSet<>();
        keys.forEach(k -> locationIds.add(k[1]));
        Map<Long, LocationRef> locations = catalog.locationsById(locationIds);
        Map<Key, Sums> sums = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            LocationRef location = locations.get(keys.get(i)[1]);
            if (location != null) {
                BigDecimal[] f = figures.get(i);
                sums.computeIfAbsent(new Key(keys.get(i)[0], location.warehouseId()), k -> new Sums())
                        .add(inTransit(location), f[0], f[1], f[2]);
            }
        }
        return positions(sums);
    }

    /** The movements of the given items posted at or after {@code from} at non-transit locations, oldest first. */
    @Transactional(readOnly = true)
    public void forEachMovementSince(Instant from, Collection<Long> itemIds, MovementSink sink) {
        if (itemIds.isEmpty()) {
            return;
        }
        Map<Long, LocationRef> locations = catalog.locationsIn(null);
        jdbc.sql("""
                SELECT m.item_id, m.location_id, m.type, m.qty, m.posted_at
                FROM stock_movement m
                WHERE m.item_id IN (:items) AND m.posted_at >= :from
                ORDER BY m.posted_at, m.id""")
                .param("items", itemIds)
                .param("from", Timestamp.from(from))
                .query(rs -> {
                    accept(locations, rs, sink);
                });
    }

    /** Every movement posted at or after {@code from} at a non-transit location, oldest first. */
    @Transactional(readOnly = true)
    public void forEachMovementSince(Instant from, MovementSink sink) {
        Map<Long, LocationRef> locations = catalog.locationsIn(null);
        jdbc.sql("""
                SELECT m.item_id, m.location_id, m.type, m.qty, m.posted_at
                FROM stock_movement m
                WHERE m.posted_at >= :from
                ORDER BY m.posted_at, m.id""").param("from", Timestamp.from(from)).query(rs -> {
            accept(locations, rs, sink);
        });
    }

    /**
     * The location holding the most own, available stock of an item in a warehouse (where a transfer ships from);
     * among equals the first by code.
     */
    @Transactional(readOnly = true)
    public String richestLocation(long itemId, long warehouseId) {
        Map<Long, LocationRef> locations = catalog.locationsIn(warehouseId);
        List<Long> storing = locations.values().stream()
                .filter(l -> !inTransit(l))
                .map(LocationRef::id)
                .toList();
        String richest = null;
        BigDecimal most = null;
        for (List<Long> chunk : chunks(storing)) {
            List<Object[]> rows = jdbc.sql("""
                    SELECT b.location_id, b.on_hand - b.reserved FROM stock_balance b
                    WHERE b.item_id = :i AND b.location_id IN (:locations) AND b.owner = 'OWN'
                      AND b.on_hand - b.reserved > 0""")
                    .param("i", itemId)
                    .param("locations", chunk)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)})
                    .list();
            for (Object[] row : rows) {
                String code = locations.get((Long) row[0]).code();
                BigDecimal available = (BigDecimal) row[1];
                int c = most == null ? 1 : available.compareTo(most);
                if (c > 0 || (c == 0 && code.compareTo(richest) < 0)) {
                    richest = code;
                    most = available;
                }
            }
        }
        return richest;
    }

    /** On hand, reserved and own on hand per item and location (placed at a warehouse afterwards). */
    private static final String BY_LOCATION = """
            SELECT b.item_id, b.location_id, SUM(b.on_hand), SUM(b.reserved),
                   SUM(CASE WHEN b.owner = 'OWN' THEN b.on_hand ELSE 0 END)
            FROM stock_balance b""";

    private static boolean inTransit(LocationRef location) {
        return location.type() == LocationType.IN_TRANSIT;
    }

    private static void add(Map<Key, Sums> sums, Map<Long, LocationRef> locations, ResultSet rs) throws SQLException {
        LocationRef location = locations.get(rs.getLong(2));
        if (location != null) {
            sums.computeIfAbsent(new Key(rs.getLong(1), location.warehouseId()), k -> new Sums())
                    .add(inTransit(location), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5));
        }
    }

    private static void accept(Map<Long, LocationRef> locations, ResultSet rs, MovementSink sink) throws SQLException {
        LocationRef location = locations.get(rs.getLong(2));
        if (location != null && !inTransit(location)) {
            sink.accept(new WarehouseMovement(
                    rs.getLong(1),
                    location.warehouseId(),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getTimestamp(5).toInstant()));
        }
    }

    private static Map<Key, Position> positions(Map<Key, Sums> sums) {
        Map<Key, Position> positions = new HashMap<>(sums.size() * 2);
        sums.forEach((key, s) -> positions.put(key, new Position(s.onHand, s.reserved, s.inTransit, s.ownOnHand)));
        return positions;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += 1_000) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + 1_000)));
        }
        return chunks;
    }

    /** Running sums of one item at one warehouse: at its own locations, and in transit towards it. */
    private static final class Sums {
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal inTransit = BigDecimal.ZERO;
        BigDecimal ownOnHand = BigDecimal.ZERO;

        void add(boolean transit, BigDecimal onHandHere, BigDecimal reservedHere, BigDecimal ownHere) {
            if (transit) {
                inTransit = inTransit.add(onHandHere);
            } else {
                onHand = onHand.add(onHandHere);
                reserved = reserved.add(reservedHere);
                ownOnHand = ownOnHand.add(ownHere);
            }
        }
    }
}
