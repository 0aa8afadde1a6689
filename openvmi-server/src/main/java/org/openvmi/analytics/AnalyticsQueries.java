package org.openvmi.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.openvmi.analytics.internal.EndStates;
import org.openvmi.analytics.internal.GroupFactsStore;
import org.openvmi.analytics.internal.RefusedDemand;
import org.openvmi.analytics.internal.SnapshotRepository;
import org.openvmi.analytics.model.AbcXyz;
import org.openvmi.analytics.model.Aging;
import org.openvmi.analytics.model.AgingBucket;
import org.openvmi.analytics.model.ChannelFill;
import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.EndState;
import org.openvmi.analytics.model.Health;
import org.openvmi.analytics.model.KeyPeriod;
import org.openvmi.analytics.model.KpiCalculator;
import org.openvmi.analytics.model.KpiFigures;
import org.openvmi.analytics.model.Period;
import org.openvmi.analytics.model.Scorecard;
import org.openvmi.analytics.model.SnapshotKey;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemQuery;
import org.openvmi.catalog.ItemView;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.procurement.SupplierDeliveries;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The KPIs, aging, ABC × XYZ and stale stock of docs/kpis.md, read from the snapshots after catching them up. A
 * supplier caller sees only its own consignment stock; asking for another supplier is refused (403). Reads run
 * outside a transaction of their own: the catch-up before them writes in its own transaction.
 */
@Service
public class AnalyticsQueries {

    private static final int DEFAULT_DAYS = 30;

    /** The previous period's read of {@code kpis}, beside the current one's (daemon threads, at most two). */
    private static final java.util.concurrent.ExecutorService READS =
            java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "analytics-kpi-read");
                t.setDaemon(true);
                return t;
            });

    private static final KeyPeriod.Edge[] NO_EDGES = new KeyPeriod.Edge[2];

    private final SnapshotRepository repository;
    private final org.openvmi.analytics.internal.GroupFactsStore groupFacts;
    private final org.openvmi.analytics.internal.AbcFigures abcFigures;
    private final RefusedDemand refusals;
    private final EndStates endStates;
    private final AnalyticsSnapshots snapshots;
    private final ItemCatalog items;
    private final SupplierCatalog suppliers;
    private final SupplierDeliveries deliveries;
    private final StockPolicies policies;
    private final org.openvmi.channels.ChannelOrders channelOrders;
    private final Clock clock;
    private final int staleDays;

    AnalyticsQueries(
            SnapshotRepository repository,
            RefusedDemand refusals,
            AnalyticsSnapshots snapshots,
            ItemCatalog items,
            SupplierCatalog suppliers,
            SupplierDeliveries deliveries,
            StockPolicies policies,
            org.openvmi.channels.ChannelOrders channelOrders,
            Clock clock,
            @Value("${openvmi.analytics.stale-days:180}") int staleDays,
            org.openvmi.analytics.internal.GroupFactsStore groupFacts,
            org.openvmi.analytics.internal.AbcFigures abcFigures,
            EndStates endStates) {
        this.endStates = endStates;
        this.groupFacts = groupFacts;
        this.abcFigures = abcFigures;
        this.suppliers = suppliers;
        this.deliveries = deliveries;
        this.policies = policies;
        this.channelOrders = channelOrders;
        this.repository = repository;
        this.refusals = refusals;
        this.snapshots = snapshots;
        this.items = items;
        this.clock = clock;
        this.staleDays = staleDays;
    }

    /** The period asked for, by default the last 30 days up to today. */
    public Period period(LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        return new Period(start, end);
    }

    public KpiReport kpis(AnalyticsFilter filter, Period period) {
        Scope s = scope(filter);
        snapshots.catchUpBeforeRead();
        KpiCalculator calculator = new KpiCalculator(staleDays);
        Period before = period.previous();
        Map<String, Health.Lines> lines = stockLines();
        // the group facts of ADR 0079 (per warehouse × owner and day) and each end's state; a category the per-key path
        // the two periods read side by side: on two cores the wall time is about the dearer one's (ADR 0079)
        java.util.concurrent.CompletableFuture<Board> then =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> board(s, before, calculator, lines), READS);
        Board boardNow = board(s, period, calculator, lines);
        Board boardThen = then.join();
        KpiFigures now = boardNow.figures();
        KpiFigures earlier = boardThen.figures();
        List<KpiValue> values = new ArrayList<>();
        add(values, "stockValue", "CNY", now, earlier, KpiFigures::stockValue);
        add(values, "consignmentValue", "CNY", now, earlier, KpiFigures::consignmentValue);
        add(values, "averageStockValue", "CNY", now, earlier, KpiFigures::averageStockValue);
        add(values, "issueCost", "CNY", now, earlier, KpiFigures::issueCost);
        add(values, "turnover", "times/year", now, earlier, KpiFigures::turnover);
        add(values, "turnoverDays", "days", now, earlier, KpiFigures::turnoverDays);
        add(values, "stockoutRate", "ratio", now, earlier, KpiFigures::stockoutRate);
        add(values, "fillRate", "ratio", now, earlier, KpiFigures::fillRate);
        List<ChannelFill.Line> channelNow = channelLines(s, period);
        List<ChannelFill.Line> channelThen = channelLines(s, before);
        add(values, "channelFillRate", "ratio", ChannelFill.unitRate(channelNow), ChannelFill.unitRate(channelThen));
        add(
                values,
                "channelOrderFillRate",
                "ratio",
                ChannelFill.orderRate(channelNow),
                ChannelFill.orderRate(channelThen));
        add(values, "staleValue", "CNY", now, earlier, KpiFigures::staleValue);
        add(values, "staleLines", "lines", now, earlier, k -> BigDecimal.valueOf(k.staleLines()));
        Map<Health.HealthClass, BigDecimal> healthNow = boardNow.health();
        Map<Health.HealthClass, BigDecimal> healthThen = boardThen.health();
        for (Health.HealthClass c : Health.HealthClass.values()) {
            BigDecimal value = healthNow.get(c);
            BigDecimal previous = healthThen.get(c);
            values.add(new KpiValue("health" + healthName(c), "ratio", value, previous, trend(value, previous)));
        }
        return new KpiReport(
                period.from(),
                period.to(),
                before.from(),
                before.to(),
                filter.warehouse(),
                s.owner(),
                filter.category(),
                values);
    }

    public AgingReport aging(AnalyticsFilter filter) {
        Scope s = scope(filter);
        snapshots.catchUpBeforeRead();
        LocalDate today = LocalDate.now(clock);
        Map<String, Map<AgingBucket, BigDecimal>> byOwner =
                Aging.byOwner(repository.layers(s.items(), filter.warehouse(), s.owner()), today);
        List<AgingReport.OwnerAging> owners = new ArrayList<>();
        byOwner.forEach((owner, b) -> owners.add(new AgingReport.OwnerAging(
                owner,
                b.get(AgingBucket.D0_30),
                b.get(AgingBucket.D31_90),
                b.get(AgingBucket.D91_180),
                b.get(AgingBucket.D181_365),
                b.get(AgingBucket.OVER_365),
                b.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
        return new AgingReport(today, owners);
    }

    /** ABC × XYZ with the default thresholds (what the rules engine's {@code abcClass}/{@code xyzClass} read). */
    public AbcReport abc(AnalyticsFilter filter, Period period) {
        return abc(filter, period, AbcXyz.DEFAULT);
    }

    public AbcReport abc(AnalyticsFilter filter, Period period, AbcXyz thresholds) {
        Scope s = scope(filter);
        snapshots.catchUpBeforeRead();
        List<AbcXyz.ItemClass> classes = classes(s, period, thresholds);
        Map<String, AbcReport.Cell> cells = new TreeMap<>();
        for (char abc : "ABC".toCharArray()) {
            for (char xyz : "XYZ".toCharArray()) {
                cells.put("" + abc + xyz, new AbcReport.Cell("" + abc, "" + xyz, 0, BigDecimal.ZERO));
            }
        }
        List<AbcReport.ItemClass> itemClasses = new ArrayList<>();
        for (AbcXyz.ItemClass c : classes) {
            itemClasses.add(new AbcReport.ItemClass(c.item(), c.issueCost(), c.cv(), "" + c.abc(), "" + c.xyz()));
            cells.computeIfPresent(
                    "" + c.abc() + c.xyz(),
                    (k, cell) -> new AbcReport.Cell(
                            cell.abc(),
                            cell.xyz(),
                            cell.items() + 1,
                            cell.issueCost().add(c.issueCost())));
        }
        return new AbcReport(period.from(), period.to(), itemClasses, List.copyOf(cells.values()));
    }

    /**
     * ABC × XYZ of the items in scope (ADR 0070): a period with at least {@link AbcXyz#MONTHS_FOR_XYZ} whole months
     * reads the issue cost from the month path of the KPIs ({@link #read}) and XYZ's demand per whole month from the
     * monthly rollup (refused demand added), one row a key or item and month; a shorter one the daily rows, by week.
     */
    List<AbcXyz.ItemClass> classes(Scope s, Period period, AbcXyz thresholds) {
        KeyPeriod.Bounds b = KeyPeriod.Bounds.of(period);
        java.time.YearMonth a = java.time.YearMonth.from(b.a());
        java.time.YearMonth last = java.time.YearMonth.from(b.b());
        if (b.bEnd().isBefore(b.a())
                || a.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1 < AbcXyz.MONTHS_FOR_XYZ) {
            return thresholds.classify(rowsOf(s, period.from(), period.to()), period);
        }
        // ADR 0088: the issue cost per item and its demand per whole month in one pass over the month rows (ADR 0079
        // read them in two); an item with a key by the period's end or a refusal in it is classified
        org.openvmi.analytics.internal.AbcFigures.Figures figures =
                abcFigures.read(b, period, s.warehouse(), s.owner(), s.items());
        Map<String, BigDecimal> cost = figures.cost();
        Map<String, Map<java.time.YearMonth, BigDecimal>> demand = figures.demand();
        refusals.byKeyAndDay(period.from(), period.to(), s.warehouse(), s.owner(), s.items())
                .keySet()
                .forEach(key -> cost.putIfAbsent(key.item(), BigDecimal.ZERO));
        refusals.byKeyAndDay(b.a(), b.bEnd(), s.warehouse(), s.owner(), s.items())
                .forEach((key, byDay) ->
                        byDay.forEach((day, qty) -> demand.computeIfAbsent(key.item(), i -> new java.util.HashMap<>())
                                .merge(java.time.YearMonth.from(day), qty, BigDecimal::add)));
        return thresholds.classifyByMonth(cost, demand, a, last);
    }

    public StaleReport stale(AnalyticsFilter filter, LocalDate asOf, Integer days) {
        Scope s = scope(filter);
        snapshots.catchUpBeforeRead();
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        int n = days != null ? days : staleDays;
        KpiCalculator calculator = new KpiCalculator(n);
        List<StaleReport.StaleLine> lines = new ArrayList<>();
        // from each key's latest row when none is later than the day asked (ADR 0079), else the month path
        Reading reading = endState(s, day);
        reading.summaries().forEach((key, k) -> {
            if (k.closingQty().signum() > 0 && calculator.stale(k.since(), day)) {
                lines.add(new StaleReport.StaleLine(
                        key.item(),
                        key.warehouse(),
                        key.owner(),
                        k.closingQty(),
                        k.closingValue().setScale(2, RoundingMode.HALF_UP),
                        k.lastOut()));
            }
        });
        reading.rows().forEach((key, rows) -> {
            DailyFigures last = rows.get(rows.size() - 1);
            if (last.closingQty().signum() > 0 && calculator.stale(rows, day)) {
                lines.add(new StaleReport.StaleLine(
                        key.item(),
                        key.warehouse(),
                        key.owner(),
                        last.closingQty(),
                        last.closingValue().setScale(2, RoundingMode.HALF_UP),
                        KpiCalculator.lastIssue(rows, day)));
            }
        });
        lines.sort(Comparator.comparing(StaleReport.StaleLine::value)
                .reversed()
                .thenComparing(StaleReport.StaleLine::item)
                .thenComparing(StaleReport.StaleLine::warehouse)
                .thenComparing(StaleReport.StaleLine::owner));
        BigDecimal total = lines.stream().map(StaleReport.StaleLine::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new StaleReport(day, n, total.setScale(2, RoundingMode.HALF_UP), lines);
    }

    /** The KPIs of each of the last {@code months} calendar months, oldest first, from one read of the snapshots. */
    public List<MonthFigures> monthly(AnalyticsFilter filter, int months) {
        Scope s = scope(filter);
        snapshots.catchUpBeforeRead();
        LocalDate today = LocalDate.now(clock);
        Map<SnapshotKey, List<DailyFigures>> rows = rowsOf(
                s,
                java.time.YearMonth.from(today)
                        .minusMonths(Math.max(0, months - 1))
                        .atDay(1),
                today);
        KpiCalculator calculator = new KpiCalculator(staleDays);
        List<MonthFigures> result = new ArrayList<>();
        for (int back = months - 1; back >= 0; back--) {
            java.time.YearMonth month = java.time.YearMonth.from(today).minusMonths(back);
            LocalDate end = back == 0 ? today : month.atEndOfMonth();
            KpiFigures k = calculator.compute(rows, new Period(month.atDay(1), end));
            result.add(new MonthFigures(
                    month, k.stockValue(), k.consignmentValue(), k.turnoverDays(), k.stockoutRate(), k.staleValue()));
        }
        return result;
    }

    /** A supplier's scorecard; a supplier caller may read only its own (another supplier's is "not found"). */
    public SupplierScorecard scorecard(String supplier, String warehouse, Period period) {
        PartyScope party = PartyScope.current();
        boolean visible =
                party.seesAll() || party.kind() == PartyScope.Kind.SUPPLIER && supplier.equals(party.supplierCode());
        if (!visible || suppliers.idOf(supplier).isEmpty()) {
            throw new NotFoundException("supplier", supplier);
        }
        List<Scorecard.Line> lines = deliveries.lines(supplier, warehouse, period.from(), period.to()).stream()
                .map(l -> new Scorecard.Line(
                        l.poNumber(),
                        l.orderedOn(),
                        l.sentAt(),
                        l.answeredAt(),
                        l.due(),
                        l.qty(),
                        l.receivedQty(),
                        l.lastReceivedOn(),
                        l.cancelled(),
                        l.sourceLeadTimeDays()))
                .toList();
        Scorecard.Figures f = Scorecard.compute(lines, period, clock.getZone());
        return new SupplierScorecard(
                supplier,
                warehouse,
                period.from(),
                period.to(),
                f.dueLines(),
                f.otifLines(),
                f.otif(),
                f.completedLines(),
                f.leadTimeMean(),
                f.leadTimeSpread(),
                f.sourceLeadTimeMean(),
                f.answeredOrders(),
                f.confirmationHoursMean());
    }

    private static void add(
            List<KpiValue> values,
            String code,
            String unit,
            KpiFigures now,
            KpiFigures then,
            Function<KpiFigures, BigDecimal> figure) {
        BigDecimal value = figure.apply(now);
        BigDecimal previous = figure.apply(then);
        values.add(new KpiValue(code, unit, value, previous, trend(value, previous)));
    }

    private static void add(List<KpiValue> values, String code, String unit, BigDecimal value, BigDecimal previous) {
        values.add(new KpiValue(code, unit, value, previous, trend(value, previous)));
    }

    private static BigDecimal trend(BigDecimal value, BigDecimal previous) {
        return value == null || previous == null || previous.signum() == 0
                ? null
                : value.subtract(previous)
                        .divide(previous.abs(), MathContext.DECIMAL64)
                        .setScale(4, RoundingMode.HALF_UP);
    }

    /** WITHIN → Within, ABOVE_MAX → AboveMax: the KPI codes healthWithin, healthAboveMax … */
    private static String healthName(Health.HealthClass c) {
        StringBuilder name = new StringBuilder();
        for (String part : c.name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    /** The safety and max lines of every item × warehouse the caller may see. */
    private Map<String, Health.Lines> stockLines() {
        Map<String, Health.Lines> lines = new java.util.HashMap<>();
        for (StockPolicyView p : policies.all()) {
            lines.put(Health.subject(p.item(), p.location()), new Health.Lines(p.safety(), p.max()));
        }
        return lines;
    }

    /** The rows a caller may read: a supplier only its own consignment; a category narrows to its items. */
    /**
     * The settled channel-order lines first asked for in the period (ChannelFill), read through the channels module's
     * API. Channels draw on the buyer's own stock and a refusal has no warehouse: none under a warehouse or supplier
     * scope (the KPI is then empty); a category keeps its items' lines.
     */
    private List<ChannelFill.Line> channelLines(Scope s, Period period) {
        if (s.warehouse() != null || s.owner() != null) {
            return List.of();
        }
        java.time.ZoneId zone = clock.getZone();
        return channelOrders
                .outcomes(
                        period.from().atStartOfDay(zone).toInstant(),
                        period.to().plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .filter(o -> o.outcome() == org.openvmi.channels.ChannelOrderOutcome.Outcome.COMMITTED
                        || o.outcome() == org.openvmi.channels.ChannelOrderOutcome.Outcome.REFUSED)
                .filter(o -> s.items() == null || s.items().contains(o.item()))
                .map(o -> new ChannelFill.Line(
                        o.channel(),
                        o.orderId(),
                        o.qty(),
                        o.outcome() == org.openvmi.channels.ChannelOrderOutcome.Outcome.COMMITTED))
                .toList();
    }

    private Scope scope(AnalyticsFilter filter) {
        PartyScope party = PartyScope.current();
        String owner = filter.supplier();
        if (party.kind() == PartyScope.Kind.NONE) {
            throw new AccessDeniedException("no party");
        }
        if (party.kind() == PartyScope.Kind.SUPPLIER) {
            if (owner != null && !owner.equals(party.supplierCode())) {
                throw new AccessDeniedException("another supplier");
            }
            owner = party.supplierCode();
        }
        return new Scope(filter.warehouse(), owner, filter.category() == null ? null : itemsOf(filter.category()));
    }

    private Set<String> itemsOf(String category) {
        Set<String> codes = new java.util.HashSet<>();
        int page = 0;
        PageResult<ItemView> result;
        do {
            result = items.find(new ItemQuery(null, category), PageRequest.of(page++, PageRequest.MAX_SIZE));
            result.content().forEach(i -> codes.add(i.code()));
        } while (page < result.totalPages());
        return codes;
    }

    record Scope(String warehouse, String owner, Set<String> items) {}

    /** One period's ledger KPIs and its end's health shares. */
    record Board(KpiFigures figures, Map<Health.HealthClass, BigDecimal> health) {}

    /**
     * A period's KPIs (ADR 0079). Without a category: the sums of the group facts (values, value-days, issue cost,
     * issued quantity and the month rule's stockout days, a few rows a day), the refused demand added from
     * {@code analytics_refusal} (its item × warehouses' stockout days recounted from their daily rows), and stale
     * stock and health at the period's end summed per item × warehouse by the database ({@link EndStates}, ADR
     * 0096). With a category (items the facts are not kept by): the per-key month path ({@link #read}) and the month
     * rule on the daily rows.
     */
    Board board(Scope s, Period p, KpiCalculator calculator, Map<String, Health.Lines> lines) {
        LocalDate monthStart = java.time.YearMonth.from(p.from()).atDay(1);
        LocalDate monthEnd = java.time.YearMonth.from(p.to()).atEndOfMonth();
        if (s.items() != null) {
            Reading r = read(s, p);
            KpiFigures k = calculator.compute(r.summaries(), r.rows(), p);
            long[] stockout = stockoutOfRows(rowsOf(s, monthStart, monthEnd), s.owner() != null, p, null);
            KpiFigures figures = new KpiFigures(
                    k.stockValue(),
                    k.consignmentValue(),
                    k.averageStockValue(),
                    k.issueCost(),
                    k.turnover(),
                    k.turnoverDays(),
                    org.openvmi.analytics.model.Ratios.divide(
                            BigDecimal.valueOf(stockout[0]), BigDecimal.valueOf(stockout[1]), 4),
                    k.fillRate(),
                    k.staleValue(),
                    k.staleLines());
            return new Board(figures, Health.shares(r.summaries(), r.rows(), lines, p.to(), calculator));
        }
        GroupFactsStore.Totals t = groupFacts.totals(s.warehouse(), s.owner(), p.from(), p.to());
        long zero = t.zeroDays();
        long counted = t.countedDays();
        BigDecimal refused = BigDecimal.ZERO;
        Map<SnapshotKey, Map<LocalDate, BigDecimal>> refusedByKey =
                refusals.byKeyAndDay(monthStart, monthEnd, s.warehouse(), s.owner(), null);
        if (!refusedByKey.isEmpty()) {
            Set<String> refusedSubjects = new java.util.HashSet<>();
            Set<String> refusedItems = new java.util.HashSet<>();
            for (Map.Entry<SnapshotKey, Map<LocalDate, BigDecimal>> e : refusedByKey.entrySet()) {
                refusedSubjects.add(stockoutSubject(e.getKey(), s.owner() != null));
                refusedItems.add(e.getKey().item());
                for (Map.Entry<LocalDate, BigDecimal> d : e.getValue().entrySet()) {
                    if (p.contains(d.getKey())) {
                        refused = refused.add(d.getValue());
                    }
                }
            }
            Map<SnapshotKey, List<DailyFigures>> rows =
                    repository.rowsFor(monthStart, monthEnd, s.warehouse(), s.owner(), refusedItems);
            // what the facts counted of these item × warehouses (rows only), replaced by the count with the refusals
            long[] without = stockoutOfRows(rows, s.owner() != null, p, refusedSubjects);
            Map<SnapshotKey, List<DailyFigures>> merged = new java.util.HashMap<>(rows);
            refusedByKey.forEach((key, byDay) ->
                    merged.put(key, DailyFigures.withRefusals(key, rows.getOrDefault(key, List.of()), byDay)));
            long[] with = stockoutOfRows(merged, s.owner() != null, p, refusedSubjects);
            zero += with[0] - without[0];
            counted += with[1] - without[1];
        }
        // stale stock and health at the period's end summed per item × warehouse in the database (ADR 0096)
        List<EndState> end = endStates.at(s.warehouse(), s.owner(), p.to(), calculator.staleDays());
        KpiFigures figures = KpiCalculator.figures(
                t.ownValue(),
                t.consignmentValue(),
                t.ownValueDays(),
                t.ownIssueCost(),
                t.issued(),
                refused,
                zero,
                counted,
                EndState.staleValue(end),
                EndState.staleLines(end),
                p.days());
        return new Board(figures, Health.shares(end, lines));
    }

    /** The item × warehouse (or, under a supplier filter, the key) whose stock the stockout rate counts together. */
    private static String stockoutSubject(SnapshotKey k, boolean perKey) {
        return perKey
                ? k.item() + "\u0000" + k.warehouse() + "\u0000" + k.owner()
                : Health.subject(k.item(), k.warehouse());
    }

    /**
     * The month rule's stockout days over the rows (refused demand merged into them, DailyFigures.refusedQty) of the
     * subjects in {@code only} (null: all): zero or refused days and counted days, summed.
     */
    private static long[] stockoutOfRows(
            Map<SnapshotKey, List<DailyFigures>> rows, boolean perKey, Period p, Set<String> only) {
        Map<String, List<List<DailyFigures>>> bySubject = new java.util.HashMap<>();
        Map<String, Set<LocalDate>> refusedDays = new java.util.HashMap<>();
        rows.forEach((key, list) -> {
            String subject = stockoutSubject(key, perKey);
            if (only != null && !only.contains(subject)) {
                return;
            }
            bySubject.computeIfAbsent(subject, x -> new ArrayList<>()).add(list);
            for (DailyFigures r : list) {
                if (r.refusedQty().signum() > 0) {
                    refusedDays
                            .computeIfAbsent(subject, x -> new java.util.HashSet<>())
                            .add(r.day());
                }
            }
        });
        long[] total = new long[2];
        bySubject.forEach((subject, lists) -> {
            long[] d = org.openvmi.analytics.model.GroupFacts.stockoutDays(
                    lists, refusedDays.getOrDefault(subject, Set.of()), p);
            total[0] += d[0];
            total[1] += d[1];
        });
        return total;
    }

    /**
     * Every key in scope at the end of {@code day}: without a category from the latest rows when none is later (a
     * period up to today), else the month path of a one-day period (ADR 0070). The stale report's lines (one a key);
     * the KPIs sum the end state in the database instead (ADR 0096).
     */
    Reading endState(Scope s, LocalDate day) {
        Map<SnapshotKey, KeyPeriod> latest =
                s.items() != null ? null : groupFacts.latestStates(s.warehouse(), s.owner(), day);
        if (latest != null) {
            return new Reading(latest, Map.of());
        }
        return read(s, new Period(day, day));
    }

    /** A period's keys: summed over the period (the month path), or with their daily rows (see {@link #read}). */
    record Reading(Map<SnapshotKey, KeyPeriod> summaries, Map<SnapshotKey, List<DailyFigures>> rows) {}

    /**
     * The keys in scope of a period (those with a row up to its end), summed from the monthly rollup over the whole
     * months inside it and the daily rows at its ends, both aggregated or narrowed in the database (ADR 0050). An item ×
     * warehouse with several owners (its stockout days count their stock together) or with refused demand in the
     * period (a refused day is a stockout day) keeps the daily rows of {@link #rowsOf}.
     */
    Reading read(Scope s, Period p) {
        KeyPeriod.Bounds b = KeyPeriod.Bounds.of(p);
        Map<SnapshotKey, KeyPeriod.MonthSums> months = repository.monthSums(b, s.warehouse(), s.owner(), s.items());
        // the partial months at the ends summed in the database too: one row a key and end (ADR 0070)
        Map<SnapshotKey, KeyPeriod.Edge[]> edges =
                repository.edgeSums(b, p.from(), p.to(), s.warehouse(), s.owner(), s.items());
        Map<SnapshotKey, Map<LocalDate, BigDecimal>> refused =
                refusals.byKeyAndDay(p.from(), p.to(), s.warehouse(), s.owner(), s.items());
        Set<SnapshotKey> keys = new java.util.HashSet<>(months.keySet());
        keys.addAll(edges.keySet());
        Map<String, Integer> owners = new java.util.HashMap<>();
        keys.forEach(k -> owners.merge(Health.subject(k.item(), k.warehouse()), 1, Integer::sum));
        Set<String> daily = new java.util.HashSet<>();
        owners.forEach((subject, n) -> {
            if (n > 1) {
                daily.add(subject);
            }
        });
        refused.keySet().forEach(k -> daily.add(Health.subject(k.item(), k.warehouse())));
        Map<SnapshotKey, List<DailyFigures>> rows = new java.util.LinkedHashMap<>();
        if (!daily.isEmpty()) {
            Set<String> dailyItems = new java.util.HashSet<>();
            daily.forEach(subject -> dailyItems.add(subject.substring(0, subject.indexOf('\u0000'))));
            if (s.items() != null) {
                dailyItems.retainAll(s.items());
            }
            rowsOf(new Scope(s.warehouse(), s.owner(), dailyItems), p.from(), p.to())
                    .forEach((key, list) -> {
                        if (daily.contains(Health.subject(key.item(), key.warehouse()))) {
                            rows.put(key, list);
                        }
                    });
        }
        Map<SnapshotKey, KeyPeriod> summaries = new java.util.LinkedHashMap<>();
        for (SnapshotKey k : keys) {
            if (!daily.contains(Health.subject(k.item(), k.warehouse()))) {
                KeyPeriod.Edge[] ends = edges.getOrDefault(k, NO_EDGES);
                summaries.put(k, KeyPeriod.of(k, months.get(k), ends[0], ends[1], p, b));
            }
        }
        return new Reading(summaries, rows);
    }

    /**
     * Every row of the keys in scope up to {@code to} that figures of days from {@code from} on can depend on: the
     * rows from {@code from}, and each key's first, last and last issuing row before (SnapshotRepository.rowsFor),
     * with the refused demand from {@code from} on merged in (as demand; keys with only refusals too, ADR 0041).
     */
    private Map<SnapshotKey, List<DailyFigures>> rowsOf(Scope s, LocalDate from, LocalDate to) {
        Map<SnapshotKey, List<DailyFigures>> rows = repository.rowsFor(from, to, s.warehouse(), s.owner(), s.items());
        refusals.byKeyAndDay(from, to, s.warehouse(), s.owner(), s.items())
                .forEach((key, byDay) ->
                        rows.put(key, DailyFigures.withRefusals(key, rows.getOrDefault(key, List.of()), byDay)));
        return rows;
    }
}
