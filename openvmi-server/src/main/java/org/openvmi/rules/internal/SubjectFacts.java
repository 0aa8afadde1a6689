package org.openvmi.rules.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openvmi.availability.Availability;
import org.openvmi.availability.SupplyPosition;
import org.openvmi.catalog.ItemScopes;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockPositions;
import org.openvmi.rules.model.Facts;
import org.openvmi.rules.model.RuleDefinition;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.stereotype.Component;

/**
 * Builds the facts of every item × warehouse with stock or open lines, through the other features' APIs only:
 * availability (the supply position), inventory (movements of the last {@value Facts#LOOKBACK_DAYS} days for demand,
 * last issue and receipt, FIFO age), stock policies (the lines), catalog (category, unit cost, sources). One read of
 * each for all subjects; rules then filter by their scope.
 */
@Component
public class SubjectFacts {

    private static final Set<String> DEMAND = Set.of("ISSUE", "CONSUME");
    private static final Set<String> INFLOW = Set.of("RECEIPT", "RETURN", "TRANSFER_IN", "OPENING");

    private final Availability availability;
    private final StockPositions stock;
    private final StockPolicies policies;
    private final PlanningCatalog planningCatalog;
    private final ItemScopes items;
    private final Clock clock;

    SubjectFacts(Availability availability, StockPositions stock, StockPolicies policies,
                 PlanningCatalog planningCatalog, ItemScopes items, Clock clock) {
        this.availability = availability;
        this.stock = stock;
        this.policies = policies;
        this.planningCatalog = planningCatalog;
        this.items = items;
        this.clock = clock;
    }

    /** The subjects with what their scope is decided on. */
    public record Subject(Facts facts, Set<String> suppliers) {

        public boolean inScopeOf(RuleDefinition rule) {
            if (rule.ownerSupplier() != null && !suppliers.contains(rule.ownerSupplier())) {
                return false;   // a supplier-owned rule reads its own items only, whatever its scope says
            }
            return rule.scope().admits(facts.item(), facts.category(), facts.warehouse(), suppliers);
        }
    }

    private static final class History {
        BigDecimal demand30 = BigDecimal.ZERO;
        BigDecimal demand90 = BigDecimal.ZERO;
        LocalDate lastIssue;
        LocalDate lastReceipt;
        final List<Object[]> inflows = new ArrayList<>();   // {LocalDate, BigDecimal}
    }

    public List<Subject> all() {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Map<ItemWarehouse, SupplyPosition> positions = availability.positions(null);
        Map<Long, ItemScopes.ItemScope> catalog = items.all();
        Map<Long, String> warehouses = planningCatalog.warehouseCodes();
        Map<Long, PlanningCatalog.PrimarySource> sources = planningCatalog.primarySources();
        Map<String, StockPolicyView> lines = new HashMap<>();
        for (StockPolicyView p : policies.all()) {
            lines.put(p.item() + "\u0000" + p.location(), p);
        }
        Map<ItemWarehouse, History> history = new HashMap<>();
        stock.forEachMovementSince(today.minusDays(Facts.LOOKBACK_DAYS).atStartOfDay(zone).toInstant(), m -> {
            History h = history.computeIfAbsent(new ItemWarehouse(m.itemId(), m.warehouseId()), k -> new History());
            LocalDate day = LocalDate.ofInstant(m.postedAt(), zone);
            long age = ChronoUnit.DAYS.between(day, today);
            if (DEMAND.contains(m.type())) {
                BigDecimal qty = m.qty().negate();
                if (age < 30) {
                    h.demand30 = h.demand30.add(qty);
                }
                if (age < 90) {
                    h.demand90 = h.demand90.add(qty);
                }
                h.lastIssue = day;
            }
            if ("RECEIPT".equals(m.type())) {
                h.lastReceipt = day;
            }
            if (INFLOW.contains(m.type()) && m.qty().signum() > 0) {
                h.inflows.add(new Object[] {day, m.qty()});
            }
        });
        List<Subject> subjects = new ArrayList<>();
        for (Map.Entry<ItemWarehouse, SupplyPosition> e : positions.entrySet()) {
            ItemScopes.ItemScope item = catalog.get(e.getKey().itemId());
            String warehouse = warehouses.get(e.getKey().warehouseId());
            if (item == null || warehouse == null) {
                continue;
            }
            SupplyPosition p = e.getValue();
            History h = history.getOrDefault(e.getKey(), new History());
            StockPolicyView line = lines.get(item.code() + "\u0000" + warehouse);
            PlanningCatalog.PrimarySource source = sources.get(item.itemId());
            BigDecimal inTransit = p.inTransit();
            Facts f = new Facts(item.itemId(), e.getKey().warehouseId(), item.code(), warehouse, item.category(),
                    source == null ? null : source.supplierCode(), p.onHand(), p.reserved(),
                    p.onOrder(), inTransit, p.committed(), line != null,
                    line == null ? BigDecimal.ZERO : line.safety(), line == null ? BigDecimal.ZERO : line.warning(),
                    line == null ? BigDecimal.ZERO : line.max(), h.demand30, h.demand90,
                    days(h.lastIssue, today), days(h.lastReceipt, today), stockAge(p.onHand(), h.inflows, today),
                    item.unitCost(), source == null ? 0 : source.leadTimeDays());
            subjects.add(new Subject(f, item.suppliers()));
        }
        subjects.sort(Comparator.comparing((Subject s) -> s.facts().item()).thenComparing(s -> s.facts().warehouse()));
        return subjects;
    }

    private static int days(LocalDate last, LocalDate today) {
        return last == null ? Facts.LOOKBACK_DAYS : (int) Math.min(ChronoUnit.DAYS.between(last, today), Facts.LOOKBACK_DAYS);
    }

    /** FIFO: the stock on hand is the latest inflows; its age is that of the oldest inflow still (partly) in it. */
    private static int stockAge(BigDecimal onHand, List<Object[]> inflows, LocalDate today) {
        if (onHand.signum() <= 0) {
            return 0;
        }
        BigDecimal covered = BigDecimal.ZERO;
        for (int i = inflows.size() - 1; i >= 0; i--) {
            covered = covered.add((BigDecimal) inflows.get(i)[1]);
            if (covered.compareTo(onHand) >= 0) {
                return days((LocalDate) inflows.get(i)[0], today);
            }
        }
        return Facts.LOOKBACK_DAYS;   // older than the window
    }
}
