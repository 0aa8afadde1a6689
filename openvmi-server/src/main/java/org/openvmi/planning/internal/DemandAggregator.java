package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openvmi.inventory.StockPositions;
import org.openvmi.inventory.StockPositions.Key;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills demand_history from the ledger. For every complete day from the watermark (inclusive: the last processed
 * day is processed again, so movements committed late around midnight are caught) through the given day it
 * <em>recomputes</em> the ledger part of each day — the sum of ISSUE and CONSUME at the warehouse's own locations —
 * and replaces the previous ledger part (imported sales stay in qty). Recomputing instead of adding makes a second
 * run over the same days count nothing twice. It also marks stockout days: a day whose closing on-hand at the
 * warehouse (own locations, all owners) was zero or less and that had no demand. Closing on-hand is walked back from
 * today's balance through the movements. The watermark row is locked, so aggregations never run side by side.
 */
@Component
public class DemandAggregator {

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final StockPositions stock;
    private final Clock clock;
    private final int backfillDays;

    DemandAggregator(
            JdbcTemplate jdbc,
            StockPositions stock,
            Clock clock,
            @Value("${openvmi.planning.demand-backfill-days:730}") int backfillDays) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.clock = clock;
        this.backfillDays = backfillDays;
    }

    /** Result: the days processed and how many (item, warehouse, day) rows carry ledger demand or a stockout mark. */
    public record Result(LocalDate from, LocalDate through, int demandDays, int stockoutDays) {}

    @Transactional
    public Result aggregateThrough(LocalDate through) {
        return aggregate(null, through);
    }

    /**
     * Like {@link #aggregateThrough(LocalDate)}, but starting at {@code since} (at most the backfill window back)
     * whatever the watermark: after movements were posted back-dated (the demo year, ADR 0032).
     */
    @Transactional
    public Result aggregateSince(LocalDate since, LocalDate through) {
        return aggregate(since, through);
    }

    private Result aggregate(LocalDate since, LocalDate through) {
        LocalDate locked = jdbc.queryForObject(
                        "SELECT through_date FROM planning_demand_watermark WHERE id = 1 FOR UPDATE", Date.class)
                .toLocalDate();
        LocalDate watermark = since != null ? since : locked;
        LocalDate from = watermark.isBefore(through.minusDays(backfillDays - 1L))
                ? through.minusDays(backfillDays - 1L)
                : watermark;
        if (from.isAfter(through)) {
            return new Result(from, through, 0, 0);
        }
        ZoneId zone = clock.getZone();
        Map<Key, TreeMap<LocalDate, BigDecimal>> demand = new HashMap<>();
        Map<Key, TreeMap<LocalDate, BigDecimal>> net = new HashMap<>();
        stock.forEachMovementSince(from.atStartOfDay(zone).toInstant(), m -> {
            Key key = new Key(m.itemId(), m.warehouseId());
            LocalDate day = LocalDate.ofInstant(m.postedAt(), zone);
            if (!"OPENING".equals(m.type())) {
                // an opening balance is stock that was there before go-live: walking back, it stays on hand
                net.computeIfAbsent(key, k -> new TreeMap<>()).merge(day, m.qty(), BigDecimal::add);
            }
            if (("ISSUE".equals(m.type()) || "CONSUME".equals(m.type())) && !day.isAfter(through)) {
                demand.computeIfAbsent(key, k -> new TreeMap<>())
                        .merge(day, m.qty().negate(), BigDecimal::add);
            }
        });
        Map<Key, StockPositions.Position> positions = stock.positions(null);
        List<Object[]> demandRows = new ArrayList<>();
        demand.forEach((key, days) -> days.forEach((day, qty) -> {
            if (qty.signum() > 0) {
                demandRows.add(new Object[] {key.itemId(), key.warehouseId(), Date.valueOf(day), qty});
            }
        }));
        List<Object[]> stockoutRows = new ArrayList<>();
        Set<Key> keys = new HashSet<>(positions.keySet());
        keys.addAll(net.keySet());
        for (Key key : keys) {
            TreeMap<LocalDate, BigDecimal> changes = net.getOrDefault(key, new TreeMap<>());
            TreeMap<LocalDate, BigDecimal> demandDays = demand.getOrDefault(key, new TreeMap<>());
            BigDecimal closing =
                    positions.getOrDefault(key, StockPositions.Position.NONE).onHand();
            if (changes.isEmpty() && closing.signum() > 0) {
                continue; // no movement since the window started and stock on hand: never out of stock
            }
            for (BigDecimal later : changes.tailMap(through, false).values()) {
                closing = closing.subtract(later);
            }
            for (LocalDate day = through; !day.isBefore(from); day = day.minusDays(1)) {
                BigDecimal dayDemand = demandDays.get(day);
                if (closing.signum() <= 0 && (dayDemand == null || dayDemand.signum() <= 0)) {
                    stockoutRows.add(new Object[] {key.itemId(), key.warehouseId(), Date.valueOf(day)});
                }
                BigDecimal change = changes.get(day);
                if (change != null) {
                    closing = closing.subtract(change);
                }
            }
        }
        write(from, through, demandRows, stockoutRows);
        jdbc.update(
                "UPDATE planning_demand_watermark SET through_date = ?, updated_at = ? WHERE id = 1",
                Date.valueOf(through),
                Timestamp.from(clock.instant()));
        return new Result(from, through, demandRows.size(), stockoutRows.size());
    }

    private void write(LocalDate from, LocalDate through, List<Object[]> demandRows, List<Object[]> stockoutRows) {
        Date f = Date.valueOf(from);
        Date t = Date.valueOf(through);
        jdbc.update("""
                UPDATE demand_history SET qty = qty - movement_qty, movement_qty = 0, stockout = FALSE
                WHERE demand_date >= ? AND demand_date <= ? AND (movement_qty <> 0 OR stockout)""", f, t);
        // a first aggregation over days without any row (a backfill, the demo year) inserts straight away: an update
        // per row that cannot match cost the demo ~120,000 statements
        boolean noRows = !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM demand_history WHERE demand_date >= ? AND demand_date <= ?)",
                Boolean.class,
                f,
                t));
        for (int i = 0; i < demandRows.size(); i += BATCH) {
            List<Object[]> chunk = demandRows.subList(i, Math.min(demandRows.size(), i + BATCH));
            List<Object[]> updates = chunk.stream()
                    .map(r -> new Object[] {r[3], r[3], r[0], r[1], r[2]})
                    .toList();
            int[] counts = noRows ? new int[chunk.size()] : jdbc.batchUpdate("""
                    UPDATE demand_history SET qty = qty + ?, movement_qty = ?
                    WHERE item_id = ? AND warehouse_id = ? AND demand_date = ?""", updates);
            List<Object[]> inserts = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    Object[] r = chunk.get(k);
                    inserts.add(new Object[] {r[0], r[1], r[2], r[3], r[3]});
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty, movement_qty, stockout)
                        VALUES (?, ?, ?, ?, ?, FALSE)""", inserts);
            }
        }
        for (int i = 0; i < stockoutRows.size(); i += BATCH) {
            List<Object[]> chunk = stockoutRows.subList(i, Math.min(stockoutRows.size(), i + BATCH));
            // a stockout day has no demand, so it never meets a row of demandRows: on days without rows, insert too
            int[] counts = noRows ? new int[chunk.size()] : jdbc.batchUpdate("""
                    UPDATE demand_history SET stockout = TRUE
                    WHERE item_id = ? AND warehouse_id = ? AND demand_date = ? AND qty = 0""", chunk);
            List<Object[]> inserts = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    inserts.add(chunk.get(k));
                }
            }
            if (!inserts.isEmpty()) {
                List<Object[]> guarded = inserts.stream()
                        .map(r -> new Object[] {r[0], r[1], r[2], r[0], r[1], r[2]})
                        .toList();
                jdbc.batchUpdate("""
                        INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty, movement_qty, stockout)
                        SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS DATE), 0, 0, TRUE
                        WHERE NOT EXISTS (SELECT 1 FROM demand_history
                                          WHERE item_id = ? AND warehouse_id = ? AND demand_date = ?)""", guarded);
            }
        }
        jdbc.update(
                "DELETE FROM demand_history WHERE demand_date >= ? AND demand_date <= ? AND qty = 0 AND NOT stockout",
                f,
                t);
    }
}
