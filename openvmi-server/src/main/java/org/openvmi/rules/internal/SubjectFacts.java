package org.openvmi.rules.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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
import org.openvmi.rules.model.Outlook;
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
    private final Outlooks outlooks;

    SubjectFacts(
            Availability availability,
            StockPositions stock,
            StockPolicies policies,
            PlanningCatalog planningCatalog,
            ItemScopes items,
            Clock clock,
            Outlooks outlooks) {
        this.outlooks = outlooks;
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
                return false; // a supplier-owned rule reads its own items only, whatever its scope says
            }
            return rule.scope().admits(facts.item(), facts.category(), facts.warehouse(), suppliers);
        }
    }

    /** One movement of a subject as the ledger posted it: the day, its type, the signed quantity. */
    private record Move(LocalDate day, String type, BigDecimal qty) {}

    /** What the movements up to a day tell: demand of the 30 / 90 days ending that day, last issue and receipt, inflows. */
    private static final class History {
        BigDecimal demand30 = BigDecimal.ZERO;
        BigDecimal demand90 = BigDecimal.ZERO;
        LocalDate lastIssue;
        LocalDate lastReceipt;
        final double[] daily = new double[Facts.CV_DAYS]; // demand by age in days, today at 0
        final List<Object[]> inflows = new ArrayList<>(); // {LocalDate, BigDecimal}

        static History of(List<Move> moves, LocalDate asOf) {
            History h = new History();
            if (moves == null) {
                return h;
            }
            for (Move m : moves) {
                if (m.day().isAfter(asOf)) {
                    break; // oldest first: the rest is later than the day
                }
                long age = ChronoUnit.DAYS.between(m.day(), asOf);
                if (age > Facts.LOOKBACK_DAYS) {
                    continue;
                }
                if (DEMAND.contains(m.type())) {
                    BigDecimal qty = m.qty().negate();
                    if (age < 30) {
                        h.demand30 = h.demand30.add(qty);
                    }
                    if (age < 90) {
                        h.demand90 = h.demand90.add(qty);
                    }
                    if (age < Facts.CV_DAYS) {
                        h.daily[(int) age] += qty.doubleValue();
                    }
                    h.lastIssue = m.day();
                }
                if ("RECEIPT".equals(m.type())) {
                    h.lastReceipt = m.day();
                }
                if (INFLOW.contains(m.type()) && m.qty().signum() > 0) {
                    h.inflows.add(new Object[] {m.day(), m.qty()});
                }
            }
            return h;
        }
    }

    /** Every subject now, with every variable read. */
    public List<Subject> all() {
        return all(LocalDate.now(clock), true, null);
    }

    /** Every subject now; the variables that cost another feature a call only when {@code mentioned} names them. */
    public List<Subject> all(Set<String> mentioned) {
        return all(LocalDate.now(clock), true, mentioned);
    }

    /** Above this many items an event's subjects are read as all subjects are (one bulk read, then filtered). */
    static final int TARGETED_MAX_ITEMS = 500;

    /**
     * The subjects of these items only, at every warehouse (an event's path: the item's other warehouses are needed
     * for {@code shortfallElsewhere}); the reads are by item, so the cost follows the event, not the whole stock.
     */
    public List<Subject> ofItems(Set<Long> itemIds, Set<String> mentioned) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        if (itemIds.size() > TARGETED_MAX_ITEMS) {
            return all(LocalDate.now(clock), true, mentioned).stream()
                    .filter(s -> itemIds.contains(s.facts().itemId()))
                    .toList();
        }
        return all(LocalDate.now(clock), true, mentioned, itemIds);
    }

    /** Receives the subjects as they stood at the end of one day of a back-test. */
    public interface DaySink {
        void accept(LocalDate day, List<Subject> subjects);
    }

    /**
     * The subjects of today (those in {@code keep}) as they stood at the end of each of the last {@code days} days,
     * oldest first, rebuilt from the ledger's movements: on hand is today's less what was posted after the day;
     * demand, last issue and receipt and FIFO age are counted as of that day. What the ledger does not date
     * (reserved, on order, in transit, committed, the stock lines, unit cost, the source) keeps today's value.
     */
    public void forEachDay(int days, java.util.function.Predicate<Subject> keep, DaySink sink) {
        forEachDay(days, null, keep, sink);
    }

    /** As {@link #forEachDay(int, java.util.function.Predicate, DaySink)}, reading only the variables mentioned. */
    public void forEachDay(int days, Set<String> mentioned, java.util.function.Predicate<Subject> keep, DaySink sink) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(days - 1L);
        List<Subject> now = all(today, false, mentioned).stream().filter(keep).toList();
        Map<ItemWarehouse, List<Move>> moves = new HashMap<>();
        for (Subject s : now) {
            moves.put(new ItemWarehouse(s.facts().itemId(), s.facts().warehouseId()), new ArrayList<>());
        }
        stock.forEachMovementSince(
                first.minusDays(Facts.LOOKBACK_DAYS).atStartOfDay(zone).toInstant(), m -> {
                    List<Move> list = moves.get(new ItemWarehouse(m.itemId(), m.warehouseId()));
                    if (list != null) {
                        list.add(new Move(LocalDate.ofInstant(m.postedAt(), zone), m.type(), m.qty()));
                    }
                });
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            List<Subject> then = new ArrayList<>(now.size());
            for (Subject s : now) {
                Facts f = s.facts();
                List<Move> list = moves.get(new ItemWarehouse(f.itemId(), f.warehouseId()));
                BigDecimal later = BigDecimal.ZERO;
                for (int i = list.size() - 1; i >= 0 && list.get(i).day().isAfter(day); i--) {
                    later = later.add(list.get(i).qty());
                }
                then.add(new Subject(asOf(f, f.onHand().subtract(later), History.of(list, day), day), s.suppliers()));
            }
            sink.accept(day, then);
        }
    }

    private static Facts asOf(Facts f, BigDecimal onHand, History h, LocalDate day) {
        return new Facts(
                f.itemId(),
                f.warehouseId(),
                f.item(),
                f.warehouse(),
                f.category(),
                f.supplier(),
                onHand,
                f.reserved(),
                f.onOrder(),
                f.inTransit(),
                f.committed(),
                f.hasPolicy(),
                f.safety(),
                f.warning(),
                f.max(),
                h.demand30,
                h.demand90,
                days(h.lastIssue, day),
                days(h.lastReceipt, day),
                stockAge(onHand, h.inflows, day),
                f.unitCost(),
                f.supplierLeadTimeDays(),
                f.outlook().withDemandCv(Facts.coefficientOfVariation(h.daily)));
    }

    /** The subjects now; without {@code withHistory} their history is left empty (a back-test reads it itself). */
    private List<Subject> all(LocalDate today, boolean withHistory, Set<String> mentioned) {
        return all(today, withHistory, mentioned, null);
    }

    /** As above, for {@code only} these items (null: all). */
    private List<Subject> all(LocalDate today, boolean withHistory, Set<String> mentioned, Set<Long> only) {
        ZoneId zone = clock.getZone();
        Map<ItemWarehouse, SupplyPosition> positions =
                only == null ? availability.positions(null) : availability.positionsOfItems(only);
        Map<Long, ItemScopes.ItemScope> catalog = only == null ? items.all() : items.of(only);
        Map<Long, String> warehouses = planningCatalog.warehouseCodes();
        // an event's items only: the whole policy table and source list cost more than the rest of an event's run
        Map<Long, PlanningCatalog.PrimarySource> sources =
                only == null ? planningCatalog.primarySources() : planningCatalog.primarySourcesOf(only);
        Map<String, StockPolicyView> lines = new HashMap<>();
        for (StockPolicyView p : only == null ? policies.all() : policies.ofItems(only)) {
            lines.put(p.item() + "\u0000" + p.location(), p);
        }
        Map<ItemWarehouse, List<Move>> moves = new HashMap<>();
        if (withHistory) {
            StockPositions.MovementSink sink =
                    m -> moves.computeIfAbsent(new ItemWarehouse(m.itemId(), m.warehouseId()), k -> new ArrayList<>())
                            .add(new Move(LocalDate.ofInstant(m.postedAt(), zone), m.type(), m.qty()));
            Instant from =
                    today.minusDays(Facts.LOOKBACK_DAYS).atStartOfDay(zone).toInstant();
            if (only == null) {
                stock.forEachMovementSince(from, sink);
            } else {
                stock.forEachMovementSince(from, only, sink);
            }
        }
        List<Subject> subjects = new ArrayList<>();
        for (Map.Entry<ItemWarehouse, SupplyPosition> e : positions.entrySet()) {
            ItemScopes.ItemScope item = catalog.get(e.getKey().itemId());
            String warehouse = warehouses.get(e.getKey().warehouseId());
            if (item == null || warehouse == null) {
                continue;
            }
            SupplyPosition p = e.getValue();
            History h = History.of(moves.get(e.getKey()), today);
            StockPolicyView line = lines.get(item.code() + "\u0000" + warehouse);
            PlanningCatalog.PrimarySource source = sources.get(item.itemId());
            BigDecimal inTransit = p.inTransit();
            Facts f = new Facts(
                    item.itemId(),
                    e.getKey().warehouseId(),
                    item.code(),
                    warehouse,
                    item.category(),
                    source == null ? null : source.supplierCode(),
                    p.onHand(),
                    p.reserved(),
                    p.onOrder(),
                    inTransit,
                    p.committed(),
                    line != null,
                    line == null ? BigDecimal.ZERO : line.safety(),
                    line == null ? BigDecimal.ZERO : line.warning(),
                    line == null ? BigDecimal.ZERO : line.max(),
                    h.demand30,
                    h.demand90,
                    days(h.lastIssue, today),
                    days(h.lastReceipt, today),
                    stockAge(p.onHand(), h.inflows, today),
                    item.unitCost(),
                    source == null ? 0 : source.leadTimeDays(),
                    new Outlook(
                            Facts.coefficientOfVariation(h.daily),
                            null,
                            null,
                            projected(p, today.plusDays(7)),
                            projected(p, today.plusDays(30)),
                            null,
                            null,
                            null,
                            null,
                            projection(p, today),
                            null,
                            null));
            subjects.add(new Subject(f, item.suppliers()));
        }
        subjects.sort(Comparator.comparing((Subject s) -> s.facts().item())
                .thenComparing(s -> s.facts().warehouse()));
        return outlooks.complete(withElsewhere(subjects), today, mentioned);
    }

    /**
     * Each subject learns which other warehouses of its item are below their safety line (with stock lines set) and
     * by how much in all (what a transfer could cover), and the highest days of cover among the item's other
     * warehouses (where a transfer could come from).
     */
    static List<Subject> withElsewhere(List<Subject> subjects) {
        Map<Long, List<Sibling>> byItem = new HashMap<>();
        for (Subject s : subjects) {
            byItem.computeIfAbsent(s.facts().itemId(), k -> new ArrayList<>(2)).add(new Sibling(s.facts()));
        }
        List<Subject> answer = new ArrayList<>(subjects.size());
        for (Subject s : subjects) {
            Facts f = s.facts();
            List<Sibling> siblings = byItem.get(f.itemId());
            if (siblings.size() < 2) {
                answer.add(s);
                continue;
            }
            BigDecimal shortfall = BigDecimal.ZERO;
            BigDecimal cover = BigDecimal.ZERO;
            List<String> codes = new ArrayList<>();
            for (Sibling sibling : siblings) {
                Facts o = sibling.facts();
                if (o.warehouseId() == f.warehouseId()) {
                    continue;
                }
                if (o.hasPolicy() && o.available().compareTo(o.safety()) < 0) {
                    shortfall = shortfall.add(o.safety().subtract(o.available()));
                    codes.add(o.warehouse());
                }
                cover = cover.max(sibling.cover());
            }
            Outlook o = f.outlook().withMaxCoverElsewhere(cover);
            answer.add(new Subject(
                    f.with(codes.isEmpty() ? o : o.withElsewhere(shortfall, String.join(",", codes))), s.suppliers()));
        }
        return answer;
    }

    /** A subject with its days of cover, worked out once for all its item's other warehouses. */
    private record Sibling(Facts facts, BigDecimal cover) {
        Sibling(Facts facts) {
            this(facts, facts.daysOfCover());
        }
    }

    /** The timeline ahead as day-offset steps for {@code projectedAvailable(days)} (late lines at offset 0). */
    static Outlook.Projection projection(SupplyPosition p, LocalDate today) {
        List<SupplyPosition.Entry> timeline = p.timeline();
        int[] days = new int[timeline.size()];
        double[] values = new double[timeline.size()];
        int n = 0;
        for (SupplyPosition.Entry e : timeline) {
            long offset = e.date() == null || !e.date().isAfter(today) ? 0 : ChronoUnit.DAYS.between(today, e.date());
            days[n] = (int) Math.min(offset, Integer.MAX_VALUE);
            values[n] = e.projected().doubleValue();
            n++;
        }
        return new Outlook.Projection(p.onHand().doubleValue(), days, values);
    }

    /** The projected available after every open line dated up to {@code horizon} (late lines count from today). */
    static BigDecimal projected(SupplyPosition p, LocalDate horizon) {
        BigDecimal projected = p.onHand();
        for (SupplyPosition.Entry e : p.timeline()) {
            if (e.date() != null && e.date().isAfter(horizon)) {
                break; // the timeline is in date order
            }
            projected = e.projected();
        }
        return projected;
    }

    private static int days(LocalDate last, LocalDate today) {
        return last == null
                ? Facts.LOOKBACK_DAYS
                : (int) Math.min(ChronoUnit.DAYS.between(last, today), Facts.LOOKBACK_DAYS);
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
        return Facts.LOOKBACK_DAYS; // older than the window
    }
}
