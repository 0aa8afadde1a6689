package org.openvmi.planning.internal;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openvmi.availability.Availability;
import org.openvmi.availability.SupplyPosition;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.consignment.Agreements;
import org.openvmi.consignment.VmiCoverage;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockPositions;
import org.openvmi.planning.model.LeadTimeStats;
import org.openvmi.planning.model.Plan;
import org.openvmi.planning.model.PlanCalculator;
import org.openvmi.planning.model.PlanInput;
import org.openvmi.planning.model.Proposal;
import org.openvmi.planning.model.Replenishment;
import org.openvmi.planning.model.WeeklySeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes one planning run: brings demand history up to yesterday, reads it in one ordered streamed query, cuts the
 * stream into chunks of whole items (all warehouses of an item in the same chunk, so transfers can be found), fits
 * and plans each chunk on a small pool (one thread per core), and writes each chunk — forecasts, suggestions (the
 * older OPEN ones of the same item-warehouses superseded), stock policies — in its own transaction with JDBC batches,
 * then adds the chunk to the run's progress. At most {@code 2 × threads} chunks are in flight, so memory stays flat.
 */
@Component
public class PlanningRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanningRunner.class);

    private final HistoryReader reader;
    private final ForecastRepository forecasts;
    private final SuggestionRepository suggestions;
    private final RunRepository runs;
    private final DemandAggregator aggregator;
    private final Availability availability;
    private final PlanningCatalog catalog;
    private final LeadTimeRepository leadTimes;
    private final PolicyUpdates policies;
    private final Agreements agreements;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readTransaction;
    private final Clock clock;
    private final int historyWeeks;
    private final int chunkSize;
    private final int threads;
    private final ExecutorService pool;
    private final PlanCalculator calculator;

    private final org.springframework.core.env.Environment environment;
    private final ChunkRepository chunks;
    private final java.time.Duration lease;
    private final String instance = org.openvmi.shared.cluster.JobLocks.instance();
    /** Chunks of split runs this instance works on at once: one per fitting thread. */
    private final Semaphore slots;
    /** Per split run, what this instance read once for all the chunks it takes of it. */
    private final Map<Long, Context> contexts = new ConcurrentHashMap<>();
    /** The chunks this instance works on: their leases are renewed every third of a lease. */
    private final java.util.Set<ChunkRepository.Claim> held = ConcurrentHashMap.newKeySet();
    /** The runs queued or running on this instance: their heartbeat is kept with the leases. */
    private final java.util.Set<Long> local = ConcurrentHashMap.newKeySet();

    private final java.util.concurrent.ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "planning-heartbeat");
                t.setDaemon(true);
                return t;
            });

    PlanningRunner(
            HistoryReader reader,
            ForecastRepository forecasts,
            SuggestionRepository suggestions,
            RunRepository runs,
            DemandAggregator aggregator,
            Availability availability,
            PlanningCatalog catalog,
            LeadTimeRepository leadTimes,
            PolicyUpdates policies,
            Agreements agreements,
            org.springframework.context.ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            org.springframework.core.env.Environment environment,
            ChunkRepository chunks,
            @Value("${openvmi.planning.chunk-lease:PT10M}") java.time.Duration lease,
            @Value("${openvmi.planning.history-weeks:104}") int historyWeeks,
            @Value("${openvmi.planning.chunk-size:1000}") int chunkSize,
            @Value("${openvmi.planning.threads:0}") int threads,
            @Value("${openvmi.planning.backtest-origins:3}") int origins) {
        this.calculator = new PlanCalculator(origins);
        this.reader = reader;
        this.forecasts = forecasts;
        this.suggestions = suggestions;
        this.runs = runs;
        this.aggregator = aggregator;
        this.availability = availability;
        this.catalog = catalog;
        this.leadTimes = leadTimes;
        this.policies = policies;
        this.agreements = agreements;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readTransaction = new TransactionTemplate(transactionManager);
        this.readTransaction.setReadOnly(true);
        this.clock = clock;
        this.environment = environment;
        this.historyWeeks = historyWeeks;
        this.chunkSize = chunkSize;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.chunks = chunks;
        this.lease = lease;
        this.slots = new Semaphore(this.threads);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "planning-fit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Renews the leases of the chunks held here and the heartbeat of the runs here every third of a lease. */
    @jakarta.annotation.PostConstruct
    void startHeartbeat() {
        long every = Math.max(50, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        pool.shutdownNow();
    }

    /**
     * One heartbeat: each chunk still held here gets a new lease (by the database's clock), so a chunk that takes
     * longer than a lease is not taken by another instance while this one works on it; the runs queued or running
     * here and those of the chunks held get a new heartbeat, so a long chunk does not make its run look stopped.
     */
    void beat() {
        try {
            java.util.Set<Long> ids = new java.util.TreeSet<>(local);
            for (ChunkRepository.Claim claim : held) {
                if (chunks.renew(claim, lease)) {
                    ids.add(claim.runId());
                }
            }
            runs.heartbeat(ids);
        } catch (RuntimeException e) {
            log.warn("Could not renew planning chunk leases: {}", e.toString());
        }
    }

    /** A run queued on this instance: its heartbeat is kept until it ends here ({@link #run}). */
    public void queued(long id) {
        local.add(id);
    }

    /** A run that will not run here after all (the queue refused it). */
    public void dropped(long id) {
        local.remove(id);
    }

    /** The last complete week ends on the Sunday before today; the history starts historyWeeks before it. */
    public LocalDate[] window() {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return new LocalDate[] {to.minusDays(historyWeeks * 7L - 1), to};
    }

    public void run(RunSpec spec) {
        long id = spec.runId();
        local.add(id);
        try {
            execute(spec);
        } catch (Throwable e) {
            log.error("Planning run {} failed", id, e);
            runs.fail(
                    id,
                    org.openvmi.planning.RunErrors.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    clock.instant());
        } finally {
            local.remove(id);
        }
    }

    private void execute(RunSpec spec) throws Exception {
        long id = spec.runId();
        long started = System.nanoTime();
        if (!runs.phase(id, "RUNNING", "HISTORY", clock.instant())) {
            log.info("Planning run {} was failed while it was queued: not started", id);
            return;
        }
        aggregator.aggregateThrough(LocalDate.now(clock).minusDays(1));
        if (splits(spec)) {
            executeSplit(spec, started);
            return;
        }
        Context context = context(spec);
        int total = reader.countPairs(spec);
        if (!runs.start(id, total, spec.historyFrom(), spec.historyTo())) {
            log.info("Planning run {} was failed meanwhile: not planned", id);
            return;
        }
        AtomicLong readNanos = new AtomicLong(System.nanoTime() - started);

        Semaphore inFlight = new Semaphore(threads * 2);
        List<Future<?>> futures = new ArrayList<>();
        List<HistoryReader.Series> buffer = new ArrayList<>();
        long readStart = System.nanoTime();
        AtomicLong waited = new AtomicLong();
        readTransaction.executeWithoutResult(status -> reader.forEachSeries(spec, series -> {
            if (buffer.size() >= chunkSize && buffer.get(buffer.size() - 1).itemId() != series.itemId()) {
                waited.addAndGet(submit(context, new ArrayList<>(buffer), inFlight, futures));
                buffer.clear();
            }
            buffer.add(series);
        }));
        if (!buffer.isEmpty()) {
            waited.addAndGet(submit(context, new ArrayList<>(buffer), inFlight, futures));
        }
        readNanos.addAndGet(System.nanoTime() - readStart - waited.get());
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("models", counts(context.models));
        summary.put("suggestions", counts(context.types));
        if (!runs.finish(
                id,
                summary,
                readNanos.get() / 1_000_000,
                context.fitNanos.sum() / 1_000_000,
                context.writeNanos.sum() / 1_000_000,
                clock.instant())) {
            log.warn(
                    "Planning run {} was failed meanwhile ({}): it stays FAILED",
                    id,
                    runs.status(id).orElse("gone"));
            return;
        }
        events.publishEvent(new org.openvmi.planning.PlanningRunFinished(
                id,
                spec.warehouseId(),
                spec.category() == null && spec.supplierId() == null ? spec.itemIds() : null,
                spec.pairs() == null ? null : List.copyOf(spec.pairs())));
        log.info(
                "Planning run {}: {} item-warehouses in {} ms (read {} ms, fit {} ms, write {} ms summed over {} threads)",
                id,
                total,
                (System.nanoTime() - started) / 1_000_000,
                readNanos.get() / 1_000_000,
                context.fitNanos.sum() / 1_000_000,
                context.writeNanos.sum() / 1_000_000,
                threads);
    }

    /**
     * A run over whole items — everything, or a warehouse, category or supplier — is split across the live instances
     * (ADR 0076). A run naming items (at most 1000) or a re-plan of some pairs is small and runs where it started.
     */
    static boolean splits(RunSpec spec) {
        return spec.itemIds() == null && spec.pairs() == null;
    }

    /**
     * What a run's fitting reads once per instance: supply positions, sources, lead times, manual lines, service-level
     * targets, VMI lines.
     */
    private Context context(RunSpec spec) {
        Map<ItemWarehouse, SupplyPosition> positions = availability.positions(spec.warehouseId());
        Map<Long, PlanningCatalog.PrimarySource> sources = catalog.primarySources();
        Map<LeadTimeRepository.Key, LeadTimeStats> observed = leadTimes.observed();
        Map<StockPositions.Key, PlanInput.Lines> manual = policies.manualLines(spec.warehouseId());
        Map<ItemWarehouse, BigDecimal> targets = policies.serviceLevelTargets(spec.warehouseId());
        Map<ItemWarehouse, VmiCoverage> vmi = readTransaction.execute(status -> agreements.coverage());
        return new Context(spec, positions, sources, observed, manual, targets, vmi);
    }

    /**
     * Cuts the run into chunks of whole items (as the single-instance run cuts its stream), records them with the run's
     * start in one transaction, then takes chunks with the other instances until none is left, and waits — taking
     * back any chunk whose lease ends — until the instance that finishes the last one has completed the run.
     */
    private void executeSplit(RunSpec spec, long startedAt) throws InterruptedException {
        long id = spec.runId();
        List<ChunkRepository.Range> ranges = new ArrayList<>();
        long from = -1;
        long to = -1;
        int pairs = 0;
        int total = 0;
        for (long[] item : reader.itemPairs(spec)) {
            if (pairs >= chunkSize) {
                ranges.add(new ChunkRepository.Range(from, to, pairs));
                pairs = 0;
            }
            if (pairs == 0) {
                from = item[0];
            }
            to = item[0];
            pairs += (int) item[1];
            total += (int) item[1];
        }
        if (pairs > 0) {
            ranges.add(new ChunkRepository.Range(from, to, pairs));
        }
        int counted = total;
        boolean started = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!runs.start(id, counted, spec.historyFrom(), spec.historyTo())) {
                return false;
            }
            chunks.insert(id, ranges);
            return true;
        }));
        if (!started) {
            log.info("Planning run {} was failed meanwhile: not split", id);
            return;
        }
        log.info(
                "Planning run {}: {} item-warehouses in {} chunks for the instances to take", id, total, ranges.size());
        if (ranges.isEmpty()) {
            complete(id, spec.warehouseId());
        }
        while (runs.status(id).filter("RUNNING"::equals).isPresent()) {
            takeChunks();
            Thread.sleep(100);
        }
        log.info(
                "Planning run {} ended after {} ms; chunks done by {}",
                id,
                (System.nanoTime() - startedAt) / 1_000_000,
                chunks.doneBy(id));
    }

    /**
     * Every instance looks for chunks of running split runs ({@code openvmi.planning.chunk-poll}, 1 s): the one that
     * started a run takes its chunks too, the others join in here, and a chunk whose instance died is taken again once
     * its lease ({@code openvmi.planning.chunk-lease}, 10 min) has ended.
     */
    @org.springframework.scheduling.annotation.Scheduled(
            initialDelayString = "${openvmi.planning.chunk-poll:PT1S}",
            fixedDelayString = "${openvmi.planning.chunk-poll:PT1S}")
    void pollChunks() {
        try {
            takeChunks();
        } catch (RuntimeException e) {
            log.warn("Could not look for planning chunks: {}", e.toString());
        }
    }

    /** Claims chunks while a fitting thread is free; each is planned and written on the pool. */
    public void takeChunks() {
        while (slots.tryAcquire()) {
            java.util.Optional<ChunkRepository.Claim> claim;
            try {
                claim = transactions.execute(status -> chunks.claim(instance, lease));
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claim == null || claim.isEmpty()) {
                slots.release();
                if (slots.availablePermits() == threads) {
                    contexts.clear(); // nothing in flight here: the next run reads its own
                }
                return;
            }
            ChunkRepository.Claim taken = claim.get();
            held.add(taken);
            try {
                pool.execute(() -> {
                    try {
                        work(taken);
                    } finally {
                        held.remove(taken);
                        slots.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                held.remove(taken);
                slots.release(); // shutting down: the lease ends and another instance takes the chunk
                return;
            }
        }
    }

    private void work(ChunkRepository.Claim claim) {
        long id = claim.runId();
        try {
            Context context = contexts.computeIfAbsent(
                    id,
                    run -> runs.spec(run)
                            .map(this::context)
                            .orElseThrow(
                                    () -> new IllegalStateException("planning run " + run + " has no history window")));
            long t = System.nanoTime();
            List<HistoryReader.Series> series = new ArrayList<>();
            readTransaction.executeWithoutResult(
                    status -> reader.forEachSeries(context.spec(), claim.itemFrom(), claim.itemTo(), series::add));
            long readNanos = System.nanoTime() - t;
            if (process(context.fresh(), series, claim, readNanos)) {
                complete(id, context.spec().warehouseId());
            }
        } catch (Throwable e) {
            if (isHeld(claim)) {
                log.error("Planning run {} failed in chunk {}", id, claim.seq(), e);
                runs.fail(
                        id,
                        org.openvmi.planning.RunErrors.FAILED,
                        e.getClass().getSimpleName() + ": " + e.getMessage(),
                        clock.instant());
            } else {
                log.info(
                        "Planning run {} chunk {} was taken over by another instance: {}",
                        id,
                        claim.seq(),
                        e.toString());
            }
        }
    }

    private boolean isHeld(ChunkRepository.Claim claim) {
        try {
            return chunks.holds(claim);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * Completes a split run when none of its chunks is left: its summary and times are the chunks' added up, and of
     * the instances finishing the last chunks at once only one completes it and announces it. Each caller checks after
     * its own chunk committed, so the last one to commit sees them all done.
     */
    private void complete(long id, Long warehouseId) {
        boolean completed = Boolean.TRUE.equals(transactions.execute(status -> {
            if (chunks.notDone(id) > 0) {
                return false;
            }
            ChunkRepository.Totals totals = chunks.totals(id);
            return runs.finish(
                    id, totals.summary(), totals.readMs(), totals.fitMs(), totals.writeMs(), clock.instant());
        }));
        if (completed) {
            contexts.remove(id);
            events.publishEvent(new org.openvmi.planning.PlanningRunFinished(id, warehouseId, null, null));
            log.info("Planning run {} completed on this instance ({})", id, instance);
        }
    }

    private static Map<String, Integer> counts(Map<String, LongAdder> adders) {
        Map<String, Integer> sorted = new TreeMap<>();
        adders.forEach((k, v) -> sorted.put(k, v.intValue()));
        return sorted;
    }

    /** Returns the nanoseconds spent waiting for a free slot. */
    private long submit(
            Context context, List<HistoryReader.Series> chunk, Semaphore inFlight, List<Future<?>> futures) {
        long t = System.nanoTime();
        inFlight.acquireUninterruptibly();
        long waited = System.nanoTime() - t;
        futures.add(pool.submit(() -> {
            try {
                process(context, chunk);
            } finally {
                inFlight.release();
            }
            return null;
        }));
        return waited;
    }

    private record Context(
            RunSpec spec,
            Map<ItemWarehouse, SupplyPosition> positions,
            Map<Long, PlanningCatalog.PrimarySource> sources,
            Map<LeadTimeRepository.Key, LeadTimeStats> observed,
            Map<StockPositions.Key, PlanInput.Lines> manual,
            Map<ItemWarehouse, BigDecimal> targets,
            Map<ItemWarehouse, VmiCoverage> vmi,
            Map<String, LongAdder> models,
            Map<String, LongAdder> types,
            LongAdder fitNanos,
            LongAdder writeNanos) {

        Context(
                RunSpec spec,
                Map<ItemWarehouse, SupplyPosition> positions,
                Map<Long, PlanningCatalog.PrimarySource> sources,
                Map<LeadTimeRepository.Key, LeadTimeStats> observed,
                Map<StockPositions.Key, PlanInput.Lines> manual,
                Map<ItemWarehouse, BigDecimal> targets,
                Map<ItemWarehouse, VmiCoverage> vmi) {
            this(
                    spec,
                    positions,
                    sources,
                    observed,
                    manual,
                    targets,
                    vmi,
                    new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>(),
                    new LongAdder(),
                    new LongAdder());
        }

        /** The same inputs with counters of its own: one chunk's counts. */
        Context fresh() {
            return new Context(spec, positions, sources, observed, manual, targets, vmi);
        }
    }

    private void process(Context context, List<HistoryReader.Series> chunk) {
        process(context, chunk, null, 0);
    }

    /**
     * Plans and writes one chunk; with a claim (a split run) the chunk is marked DONE first in the write transaction
     * and nothing is written when the claim was lost. Returns whether the chunk was written.
     */
    private boolean process(
            Context context, List<HistoryReader.Series> chunk, ChunkRepository.Claim claim, long readNanos) {
        long t0 = System.nanoTime();
        RunSpec spec = context.spec();
        List<Plan> plans = new ArrayList<>(chunk.size());
        List<Proposal> proposals = new ArrayList<>();
        List<Plan> item = new ArrayList<>();
        // read per chunk, not fixed at start-up: greedy transfers are retired in favour of transfer plans by default
        boolean transfers = environment.getProperty("openvmi.planning.transfer-suggestions", Boolean.class, false);
        for (HistoryReader.Series series : chunk) {
            Plan plan = calculator.plan(input(context, series));
            if (!item.isEmpty() && item.get(0).input().itemId() != series.itemId()) {
                proposals.addAll(Replenishment.propose(item, transfers));
                item.clear();
            }
            item.add(plan);
            plans.add(plan);
            context.models()
                    .computeIfAbsent(plan.choice().model().name(), k -> new LongAdder())
                    .increment();
        }
        proposals.addAll(Replenishment.propose(item, transfers));
        for (Proposal p : proposals) {
            context.types()
                    .computeIfAbsent(p.type().name(), k -> new LongAdder())
                    .increment();
        }
        long t1 = System.nanoTime();
        context.fitNanos().add(t1 - t0);
        LocalDate firstBucket = spec.historyTo().plusDays(1);
        if (chunk.isEmpty()) {
            // a split chunk whose items lost their history meanwhile: nothing to plan, still done
            return claim == null
                    || Boolean.TRUE.equals(transactions.execute(status -> chunks.done(
                            claim, summary(context), readNanos / 1_000_000, (t1 - t0) / 1_000_000, clock.instant())));
        }
        Integer changed = transactions.execute(status -> {
            if (claim != null
                    && !chunks.done(
                            claim, summary(context), readNanos / 1_000_000, (t1 - t0) / 1_000_000, clock.instant())) {
                status.setRollbackOnly();
                return null;
            }
            forecasts.insert(spec.runId(), spec.historyFrom(), firstBucket, plans);
            suggestions.supersede(
                    spec.runId(),
                    chunk.get(0).itemId(),
                    chunk.get(chunk.size() - 1).itemId());
            suggestions.insert(spec.runId(), proposals, clock.instant());
            if (!proposals.isEmpty()) {
                // in this transaction: the event outbox writes suggestion.created with the rows (ADR 0071)
                events.publishEvent(new org.openvmi.planning.SuggestionsCreated(suggestions.createdByRun(
                        spec.runId(),
                        chunk.get(0).itemId(),
                        chunk.get(chunk.size() - 1).itemId())));
            }
            int n = policies.apply(plans);
            runs.progress(spec.runId(), plans.size(), proposals.size(), n);
            if (claim != null) {
                chunks.writeTime(claim, (System.nanoTime() - t1) / 1_000_000);
            }
            return n;
        });
        context.writeNanos().add(System.nanoTime() - t1);
        if (changed == null) {
            log.info(
                    "Planning run {} chunk {} was taken over by another instance; not written here",
                    spec.runId(),
                    claim.seq());
            return false;
        }
        log.debug("chunk of {} planned, {} suggestions, {} policies changed", plans.size(), proposals.size(), changed);
        return true;
    }

    private static Map<String, Object> summary(Context context) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("models", counts(context.models()));
        summary.put("suggestions", counts(context.types()));
        return summary;
    }

    private PlanInput input(Context context, HistoryReader.Series s) {
        RunSpec spec = context.spec();
        LocalDate first = s.dates()[0].with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (first.isBefore(spec.historyFrom())) {
            first = spec.historyFrom();
        }
        int weeks = (int) ((spec.historyTo().toEpochDay() - first.toEpochDay() + 1) / 7);
        WeeklySeries weekly = new WeeklySeries(first, Math.max(1, weeks));
        for (int i = 0; i < s.size(); i++) {
            weekly.add(s.dates()[i], s.qty()[i], s.stockout()[i]);
        }
        SupplyPosition position = context.positions().get(new ItemWarehouse(s.itemId(), s.warehouseId()));
        if (position == null) {
            position = SupplyPosition.of(
                    LocalDate.now(clock), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
        }
        PlanningCatalog.PrimarySource source = context.sources().get(s.itemId());
        LeadTimeStats leadTime = LeadTimeStats.none();
        PlanInput.Source purchase = null;
        if (source != null) {
            LeadTimeStats seen = context.observed().get(new LeadTimeRepository.Key(source.supplierId(), s.itemId()));
            leadTime = (seen != null ? seen : LeadTimeStats.sourceList(source.leadTimeDays())).of(source.supplierId());
            purchase =
                    new PlanInput.Source(source.supplierId(), nonNegative(source.moq()), positive(source.packSize()));
        }
        // under a VMI agreement the agreement's supplier replenishes (a call-off), with the line's MOQ and pack
        VmiCoverage covered = context.vmi().get(new ItemWarehouse(s.itemId(), s.warehouseId()));
        if (covered != null) {
            LeadTimeStats seen = context.observed().get(new LeadTimeRepository.Key(covered.supplierId(), s.itemId()));
            if (seen != null) {
                leadTime = seen.of(covered.supplierId());
            }
            purchase = new PlanInput.Source(
                    covered.supplierId(), nonNegative(covered.moq()), positive(covered.packSize()));
        }
        // a target set on the policy (by a person or a rule) replaces the run's level for this pair (ADR 0075)
        BigDecimal target = context.targets().get(new ItemWarehouse(s.itemId(), s.warehouseId()));
        return new PlanInput(
                s.itemId(),
                s.warehouseId(),
                weekly.imputed(),
                weekly.stockoutWeeks(),
                leadTime,
                target == null ? spec.serviceLevel() : target.doubleValue(),
                spec.horizonDays(),
                position.onHand(),
                position.reserved(),
                position.inTransit(),
                position.onOrder(),
                position.committed(),
                position.ownOnHand(),
                purchase,
                covered != null,
                context.manual().get(new StockPositions.Key(s.itemId(), s.warehouseId())));
    }

    private static BigDecimal nonNegative(BigDecimal x) {
        return x == null || x.signum() < 0 ? BigDecimal.ZERO : x;
    }

    private static BigDecimal positive(BigDecimal x) {
        return x == null || x.signum() <= 0 ? BigDecimal.ONE : x;
    }
}
