package org.openvmi.transferplan.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openvmi.availability.Availability;
import org.openvmi.availability.SupplyPosition;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.planning.DemandHistory;
import org.openvmi.stockpolicy.StockLines;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.transferplan.model.ItemTerms;
import org.openvmi.transferplan.model.Lane;
import org.openvmi.transferplan.model.Stocking;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Component;

/**
 * Reads what a plan is made of through the other features' APIs, in bulk (one query each, never one per item):
 * availability's projection, stockpolicy's lines, planning's average daily demand (the last 90 days), catalog's pack
 * sizes, prices and lead times, and the lane table.
 */
@Component
public class PlanInputs {

    /** The stockings of each item, the item's terms, the lanes and the warehouse codes. */
    public record Inputs(
            Map<Long, List<Stocking>> byItem,
            Map<Long, PlanningCatalog.TransferTerms> terms,
            Map<Long, Map<Long, Lane>> lanes,
            Map<Long, String> warehouseCodes) {

        public ItemTerms itemTerms(long itemId) {
            PlanningCatalog.TransferTerms t = terms.get(itemId);
            return t == null
                    ? new ItemTerms(itemId, BigDecimal.ONE, null, 0)
                    : new ItemTerms(itemId, t.packSize(), t.price(), t.leadTimeDays());
        }

        public Lane lane(long from, long to) {
            Map<Long, Lane> out = lanes.get(from);
            return out == null ? null : out.get(to);
        }
    }

    static final int DEMAND_DAYS = 90;

    /** Reads at the same time (five bulk reads; each holds a pooled connection while it runs). */
    static final int READERS = 4;

    private final Availability availability;
    private final StockPolicies policies;
    private final DemandHistory demand;
    private final PlanningCatalog catalog;
    private final LaneRepository lanes;
    private final Clock clock;

    PlanInputs(
            Availability availability,
            StockPolicies policies,
            DemandHistory demand,
            PlanningCatalog catalog,
            LaneRepository lanes,
            Clock clock) {
        this.availability = availability;
        this.policies = policies;
        this.demand = demand;
        this.catalog = catalog;
        this.lanes = lanes;
        this.clock = clock;
    }

    /**
     * Inputs limited to the given warehouse and item ids (null: all). The five bulk reads are independent, so they run
     * at the same time, each on its own connection (ADR 0077): the database aggregates demand and scans balances while
     * this JVM maps the rows of another read. The caller's security context goes with them.
     */
    public Inputs read(Collection<Long> warehouseIds, Collection<Long> itemIds) {
        LocalDate today = LocalDate.now(clock);
        ExecutorService pool = Executors.newFixedThreadPool(READERS, r -> {
            Thread t = new Thread(r, "transfer-plan-read");
            t.setDaemon(true);
            return t;
        });
        Executor reader = new DelegatingSecurityContextExecutor(pool);
        try {
            var positionsRead = CompletableFuture.supplyAsync(() -> availability.positions(null), reader);
            var linesRead = CompletableFuture.supplyAsync(policies::linesByItemWarehouse, reader);
            var ratesRead = CompletableFuture.supplyAsync(
                    () -> demand.averageDaily(today.minusDays(DEMAND_DAYS), today.minusDays(1)), reader);
            var termsRead = CompletableFuture.supplyAsync(catalog::transferTerms, reader);
            var lanesRead = CompletableFuture.supplyAsync(lanes::lanes, reader);
            return assemble(
                    join(positionsRead),
                    join(linesRead),
                    join(ratesRead),
                    join(termsRead),
                    join(lanesRead),
                    warehouseIds,
                    itemIds,
                    today);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private Inputs assemble(
            Map<ItemWarehouse, SupplyPosition> positions,
            Map<ItemWarehouse, StockLines> lines,
            Map<ItemWarehouse, BigDecimal> rates,
            Map<Long, PlanningCatalog.TransferTerms> terms,
            Map<Long, Map<Long, Lane>> laneTable,
            Collection<Long> warehouseIds,
            Collection<Long> itemIds,
            LocalDate today) {
        Set<Long> warehouses = warehouseIds == null ? null : new HashSet<>(warehouseIds);
        Set<Long> items = itemIds == null ? null : new HashSet<>(itemIds);
        Set<ItemWarehouse> keys = new HashSet<>(positions.keySet());
        keys.addAll(lines.keySet());
        Map<Long, List<Stocking>> byItem = new HashMap<>();
        for (ItemWarehouse key : keys) {
            if ((warehouses != null && !warehouses.contains(key.warehouseId()))
                    || (items != null && !items.contains(key.itemId()))) {
                continue;
            }
            PlanningCatalog.TransferTerms t = terms.get(key.itemId());
            int leadTime = t == null ? 0 : t.leadTimeDays();
            byItem.computeIfAbsent(key.itemId(), k -> new ArrayList<>())
                    .add(stocking(key, positions.get(key), lines.get(key), rates.get(key), today, leadTime));
        }
        return new Inputs(byItem, terms, laneTable, catalog.warehouseCodes());
    }

    static Stocking stocking(
            ItemWarehouse key, SupplyPosition p, StockLines l, BigDecimal rate, LocalDate today, int leadTime) {
        BigDecimal now = BigDecimal.ZERO;
        BigDecimal lowest = BigDecimal.ZERO;
        BigDecimal physical = BigDecimal.ZERO;
        if (p != null) {
            LocalDate horizon = today.plusDays(leadTime);
            now = null;
            lowest = null;
            for (SupplyPosition.Entry e : p.timeline()) {
                LocalDate date = e.date() == null || e.date().isBefore(today) ? today : e.date();
                if (!date.isAfter(today)) {
                    now = e.projected();
                }
                if (!date.isAfter(horizon)) {
                    lowest = lowest == null ? e.projected() : lowest.min(e.projected());
                }
            }
            now = now == null ? BigDecimal.ZERO : now;
            lowest = lowest == null ? now : lowest;
            physical = p.ownOnHand().subtract(p.reserved()).max(BigDecimal.ZERO);
        }
        return new Stocking(
                key.itemId(),
                key.warehouseId(),
                now,
                lowest,
                physical,
                rate,
                l == null ? null : l.safety(),
                l == null ? null : l.warning(),
                l == null ? null : l.max());
    }
}
