package org.openvmi.availability;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockPositions;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.OpenSupply;
import org.openvmi.shared.PartyScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one read model of supply and demand by date per item × warehouse (ADR 0028): the ledger's stock plus every
 * feature's open lines ({@link OpenSupply}). Planning, the shortages page, the availability API and the item page's
 * chart all read their inventory position from here.
 */
@Service
public class Availability {

    private final StockPositions stock;
    private final List<OpenSupply> sources;
    private final PlanningCatalog catalog;
    private final Clock clock;

    Availability(StockPositions stock, List<OpenSupply> sources, PlanningCatalog catalog, Clock clock) {
        this.stock = stock;
        this.sources = sources;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Positions of every item × warehouse (or of one warehouse) with stock or open lines. */
    @Transactional(readOnly = true)
    public Map<ItemWarehouse, SupplyPosition> positions(Long warehouseId) {
        Map<ItemWarehouse, List<OpenSupply.Line>> lines = new HashMap<>();
        for (OpenSupply source : sources) {
            for (OpenSupply.Line l : source.open(null, warehouseId)) {
                lines.computeIfAbsent(new ItemWarehouse(l.itemId(), l.warehouseId()), k -> new ArrayList<>())
                        .add(l);
            }
        }
        Map<ItemWarehouse, StockPositions.Position> onHand = new HashMap<>();
        stock.positions(warehouseId).forEach((k, p) -> onHand.put(new ItemWarehouse(k.itemId(), k.warehouseId()), p));
        LocalDate today = LocalDate.now(clock);
        Map<ItemWarehouse, SupplyPosition> answer = new HashMap<>();
        for (ItemWarehouse key : union(onHand.keySet(), lines.keySet())) {
            answer.put(key, position(today, onHand.get(key), lines.getOrDefault(key, List.of())));
        }
        return answer;
    }

    /** Positions of the given items at every warehouse where they have stock or open lines (a rule's event path). */
    @Transactional(readOnly = true)
    public Map<ItemWarehouse, SupplyPosition> positionsOfItems(java.util.Collection<Long> itemIds) {
        Map<ItemWarehouse, List<OpenSupply.Line>> lines = new HashMap<>();
        for (long item : new java.util.TreeSet<>(itemIds)) {
            for (OpenSupply source : sources) {
                for (OpenSupply.Line l : source.open(item, null)) {
                    lines.computeIfAbsent(new ItemWarehouse(l.itemId(), l.warehouseId()), k -> new ArrayList<>())
                            .add(l);
                }
            }
        }
        Map<ItemWarehouse, StockPositions.Position> onHand = new HashMap<>();
        stock.positionsOfItems(itemIds)
                .forEach((k, p) -> onHand.put(new ItemWarehouse(k.itemId(), k.warehouseId()), p));
        LocalDate today = LocalDate.now(clock);
        Map<ItemWarehouse, SupplyPosition> answer = new HashMap<>();
        for (ItemWarehouse key : union(onHand.keySet(), lines.keySet())) {
            answer.put(key, position(today, onHand.get(key), lines.getOrDefault(key, List.of())));
        }
        return answer;
    }

    /** The position of one item at one warehouse. */
    @Transactional(readOnly = true)
    public SupplyPosition position(long itemId, long warehouseId) {
        List<OpenSupply.Line> lines = new ArrayList<>();
        sources.forEach(s -> lines.addAll(s.open(itemId, warehouseId)));
        StockPositions.Position p = stock.positions(warehouseId).get(new StockPositions.Key(itemId, warehouseId));
        return position(LocalDate.now(clock), p, lines);
    }

    /**
     * {@code GET /availability/{item}/{warehouse}}: the timeline and available-to-promise. A supplier sees it only
     * for an item on its own source list, and other suppliers' documents not at all: their lines keep their date
     * and quantity (they are part of what is available) but lose their document number.
     */
    @Transactional(readOnly = true)
    public AvailabilityView timeline(String item, String warehouse) {
        Long itemId = item == null ? null : catalog.itemId(item.trim());
        if (itemId == null) {
            throw new NotFoundException("Item", item);
        }
        Long warehouseId = warehouse == null ? null : catalog.warehouseId(warehouse.trim());
        if (warehouseId == null) {
            throw new NotFoundException("Warehouse", warehouse);
        }
        PartyScope scope = PartyScope.current();
        if (!scope.seesAll()
                && (scope.supplierId() == null || catalog.sourceLeadTime(scope.supplierId(), itemId) == null)) {
            throw new AccessDeniedException("A supplier sees the availability of its own items only");
        }
        SupplyPosition p = position(itemId, warehouseId);
        List<AvailabilityView.Line> lines = p.timeline().stream()
                .map(e -> {
                    boolean shown = e.supplierId() == null || scope.seesAll() || scope.sees(e.supplierId());
                    return new AvailabilityView.Line(
                            e.date(),
                            e.event().name(),
                            shown ? e.document() : null,
                            plain(e.qty()),
                            plain(e.projected()));
                })
                .toList();
        return new AvailabilityView(
                item.trim(),
                warehouse.trim(),
                p.today(),
                plain(p.onHand()),
                plain(p.reserved()),
                plain(p.onOrder()),
                plain(p.committed()),
                plain(p.inventoryPosition()),
                plain(p.availableToPromise()),
                lines);
    }

    private static SupplyPosition position(LocalDate today, StockPositions.Position p, List<OpenSupply.Line> lines) {
        StockPositions.Position stock = p == null ? StockPositions.Position.NONE : p;
        return SupplyPosition.of(today, stock.onHand(), stock.reserved(), stock.ownOnHand(), lines);
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static BigDecimal plain(BigDecimal x) {
        return Decimals.plain(x);
    }
}
