package org.openvmi.planning;

import jakarta.annotation.PreDestroy;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.planning.internal.PlanningRunner;
import org.openvmi.planning.internal.ReplanHold;
import org.openvmi.planning.internal.RunRepository;
import org.openvmi.planning.internal.RunSpec;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.RequestValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Planning runs: validated and recorded at once (202 with the run), executed in the background one after the other
 * on a bounded queue. Two runs whose scopes overlap (same or all warehouses, shared or all items) never run side by
 * side: a second one is refused with 409 while the first is queued or running. A run whose heartbeat stopped for
 * {@code openvmi.planning.stale-after} (its instance died) no longer blocks and is marked FAILED.
 */
@Service
public class PlanningRuns {

    private static final Logger log = LoggerFactory.getLogger(PlanningRuns.class);
    public static final int DEFAULT_HORIZON_DAYS = 56;
    public static final BigDecimal DEFAULT_SERVICE_LEVEL = new BigDecimal("0.95");
    private static final int MAX_ITEMS = 1000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final RunRepository runs;
    private final PlanningRunner runner;
    private final CatalogRefs refs;
    private final PlanningCatalog catalog;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readTransaction;
    private final Clock clock;
    private final Duration staleAfter;
    private final String cron;
    private final boolean catchUpEnabled;
    private final ThreadPoolExecutor executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8), r -> {
                Thread t = new Thread(r, "planning-run");
                t.setDaemon(true);
                return t;
            });

    private final Validator validator;
    private final ReplanHold replanHold;

    PlanningRuns(
            RunRepository runs,
            PlanningRunner runner,
            CatalogRefs refs,
            PlanningCatalog catalog,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${openvmi.planning.stale-after:PT10M}") Duration staleAfter,
            Validator validator,
            @Value("${openvmi.planning.cron:0 30 1 * * *}") String cron,
            @Value("${openvmi.planning.catch-up:true}") boolean catchUpEnabled,
            ReplanHold replanHold) {
        this.replanHold = replanHold;
        this.cron = cron;
        this.catchUpEnabled = catchUpEnabled;
        this.validator = validator;
        this.runs = runs;
        this.runner = runner;
        this.refs = refs;
        this.catalog = catalog;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readTransaction = new TransactionTemplate(transactionManager);
        this.readTransaction.setReadOnly(true);
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Runs a bulk job (the demo seeder) without re-plans starting meanwhile: the pairs its postings change are
     * re-planned one debounce window after it ends. Runs started explicitly ({@link #start}) are not held.
     */
    public <T> T withReplansHeld(java.util.function.Supplier<T> work) {
        return replanHold.during(work);
    }

    /** Validates, records and queues a run; answers at once with the QUEUED run. */
    public RunView start(RunRequest request) {
        RequestValidation.check(validator, request);
        RunRequest r = request == null ? new RunRequest(null, null, null, null, null, null) : request;
        FieldErrors errors = new FieldErrors();
        int horizon = r.horizonDays() == null ? DEFAULT_HORIZON_DAYS : r.horizonDays();
        if (horizon <= 0 || horizon > 730) {
            errors.add("horizonDays", CodedRefusal.between(1, 730, "must be between 1 and 730 days"));
        }
        BigDecimal serviceLevel = r.serviceLevel() == null ? DEFAULT_SERVICE_LEVEL : r.serviceLevel();
        if (serviceLevel.compareTo(new BigDecimal("0.5")) <= 0 || serviceLevel.compareTo(BigDecimal.ONE) >= 0) {
            errors.add("serviceLevel", "must lie strictly between 0.5 and 1");
        }
        Long warehouseId = null;
        String warehouse = blankToNull(r.warehouse());
        if (warehouse != null) {
            warehouseId = catalog.warehouseId(warehouse);
            if (warehouseId == null) {
                errors.add("warehouse", CodedRefusal.unknown("warehouse", warehouse));
            }
        }
        List<Long> itemIds = null;
        List<String> itemCodes = null;
        if (r.items() != null && !r.items().isEmpty()) {
            if (r.items().size() > MAX_ITEMS) {
                errors.add("items", "at most " + MAX_ITEMS + " item codes; use category or supplier for more");
            } else {
                itemCodes = new ArrayList<>(new LinkedHashSet<>(r.items()));
                Map<String, ItemRef> found = refs.items(itemCodes);
                itemIds = new ArrayList<>();
                for (int i = 0; i < r.items().size(); i++) {
                    ItemRef ref = found.get(r.items().get(i));
                    if (ref == null) {
                        errors.add(
                                "items[" + i + "]",
                                CodedRefusal.unknown("item", r.items().get(i)));
                    } else if (!itemIds.contains(ref.id())) {
                        itemIds.add(ref.id());
                    }
                }
            }
        }
        String category = blankToNull(r.category());
        if (category != null && !catalog.categoryExists(category)) {
            errors.add("category", "no item has category '" + category + "'");
        }
        Long supplierId = null;
        String supplier = blankToNull(r.supplier());
        if (supplier != null) {
            supplierId = refs.suppliers(List.of(supplier)).get(supplier);
            if (supplierId == null) {
                errors.add("supplier", CodedRefusal.unknown("supplier", supplier));
            }
        }
        errors.throwIfAny();
        return launch(
                warehouseId, itemCodes, itemIds, category, supplierId, horizon, serviceLevel, null, CurrentUser.name());
    }

    /**
     * A targeted re-plan of just these item × warehouses (default horizon and service level), started by
     * {@code startedBy}; 409 while a run over an overlapping scope is queued or running.
     */
    public RunView replan(Collection<ItemWarehouse> pairs, String startedBy) {
        Set<ItemWarehouse> scope = new TreeSet<>(pairs);
        List<Long> itemIds =
                scope.stream().map(ItemWarehouse::itemId).distinct().toList();
        List<Long> warehouses =
                scope.stream().map(ItemWarehouse::warehouseId).distinct().toList();
        return launch(
                warehouses.size() == 1 ? warehouses.get(0) : null,
                catalog.itemCodes(itemIds),
                itemIds,
                null,
                null,
                DEFAULT_HORIZON_DAYS,
                DEFAULT_SERVICE_LEVEL,
                scope,
                startedBy);
    }

    private RunView launch(
            Long wh,
            List<String> codes,
            List<Long> itemIds,
            String category,
            Long sup,
            int horizon,
            BigDecimal serviceLevel,
            Set<ItemWarehouse> pairs,
            String startedBy) {
        // a first look without writing: the answer to a request that overlaps a live run does not wait for the
        // writer (on the embedded database a run's chunk write holds it); the locked check below decides
        readTransaction.executeWithoutResult(status -> refuseOverlap(runs.active(staleAfter), wh, codes, false));
        long id = transactions.execute(status -> {
            runs.lockGuard();
            refuseOverlap(runs.active(staleAfter), wh, codes, true);
            return runs.insert(wh, codes, category, sup, horizon, serviceLevel, startedBy, clock.instant());
        });
        LocalDate[] window = runner.window();
        RunSpec spec = new RunSpec(
                id, wh, itemIds, category, sup, horizon, serviceLevel.doubleValue(), window[0], window[1], pairs);
        RunView queued = get(id); // the answer is the run as recorded (QUEUED), whatever the queue does next
        runner.queued(id); // its heartbeat is kept while it waits in the queue
        try {
            executor.execute(() -> runner.run(spec));
        } catch (RejectedExecutionException e) {
            runner.dropped(id);
            runs.fail(id, RunErrors.QUEUE_FULL, "too many planning runs queued", clock.instant());
            throw new ConflictException("too many planning runs are queued; try again later");
        }
        return queued;
    }

    @Transactional(readOnly = true)
    public RunView get(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("Planning run", id));
    }

    @Transactional(readOnly = true)
    public PageResult<RunView> list(PageRequest page) {
        return runs.list(page);
    }

    /**
     * The nightly run over everything ({@code openvmi.planning.cron}, on by default; "-" = off). Every instance fires;
     * the one that claims the firing's slot in the guard row (a conditional update) starts the run, the others skip.
     */
    @Scheduled(cron = "${openvmi.planning.cron:0 30 1 * * *}")
    void scheduled() {
        startScheduled(slot(clock.instant()));
    }

    /**
     * A nightly firing missed since the last claimed one — the instances were down, or an overlapping run refused it —
     * is run once at the next start ({@code openvmi.planning.catch-up-delay} after it, default 1 min) or check
     * ({@code openvmi.planning.catch-up-check}, every 10 min). Never before a first nightly firing was claimed: a
     * fresh install does not plan everything at its first start. {@code openvmi.planning.catch-up=false} turns the
     * check off (the test annotations do, as tests move the clock by days).
     */
    @Scheduled(
            initialDelayString = "${openvmi.planning.catch-up-delay:PT1M}",
            fixedDelayString = "${openvmi.planning.catch-up-check:PT10M}")
    void scheduledCatchUp() {
        if (catchUpEnabled) {
            catchUp();
        }
    }

    void catchUp() {
        Instant missed = lastFiring(clock.instant().minus(CLOCK_SKEW));
        Instant claimed = transactions.execute(status -> runs.scheduledSlot());
        if (missed != null && claimed != null && claimed.isBefore(missed)) {
            log.info("Planning run of {} was missed (last one {}): running it now", missed, claimed);
            startScheduled(missed);
        }
    }

    private void startScheduled(Instant slot) {
        Instant previous = transactions.execute(status -> runs.scheduledSlot());
        if (!transactions.execute(status -> runs.claimSchedule(slot))) {
            log.info("Scheduled planning run of {} already started by another instance", slot);
            return;
        }
        try {
            RunView run = launch(
                    null, null, null, null, null, DEFAULT_HORIZON_DAYS, DEFAULT_SERVICE_LEVEL, null, "scheduler");
            log.info("Scheduled planning run {} started", run.id());
        } catch (ConflictException e) {
            transactions.executeWithoutResult(status -> runs.unclaimSchedule(slot, previous));
            log.info("Scheduled planning run of {} skipped, to be caught up: {}", slot, e.getMessage());
        }
    }

    /** The last cron firing at or before {@code before} within two days, null for none (or no valid cron). */
    private Instant lastFiring(Instant before) {
        if (!CronExpression.isValidExpression(cron)) {
            return null;
        }
        CronExpression expression = CronExpression.parse(cron);
        ZonedDateTime at = before.minus(Duration.ofDays(2)).atZone(clock.getZone());
        Instant last = null;
        for (int i = 0; i < 10_000; i++) { // a cron firing every minute still ends within two days' worth
            ZonedDateTime next = expression.next(at);
            if (next == null || next.toInstant().isAfter(before)) {
                break;
            }
            last = next.toInstant();
            at = next;
        }
        return last;
    }

    /** The cron firing this call belongs to: the first one after five minutes ago (instances' clocks may differ). */
    private Instant slot(Instant now) {
        if (!CronExpression.isValidExpression(cron)) {
            return now.truncatedTo(ChronoUnit.MINUTES);
        }
        ZonedDateTime next =
                CronExpression.parse(cron).next(now.minus(CLOCK_SKEW).atZone(clock.getZone()));
        return next == null ? now.truncatedTo(ChronoUnit.MINUTES) : next.toInstant();
    }

    /**
     * 409 for a live run over an overlapping scope; a run without a heartbeat for {@code stale-after} by the database's
     * clock (ADR 0085: instances' clocks may be apart) is failed (when writing) or ignored.
     */
    private void refuseOverlap(
            List<RunRepository.Active> active, Long warehouseId, List<String> items, boolean writing) {
        for (RunRepository.Active run : active) {
            // failing it judges it again in the same statement: a heartbeat meanwhile keeps it live
            boolean stopped = run.stale()
                    && (!writing
                            || runs.failStale(
                                    run.id(),
                                    staleAfter,
                                    RunErrors.NO_HEARTBEAT,
                                    "no heartbeat for " + staleAfter + ": its instance stopped",
                                    clock.instant()));
            if (!stopped && RunSpec.overlap(warehouseId, items, run.warehouseId(), run.items())) {
                // coded, so a page says it in its own language (the API's text is unchanged)
                throw new ConflictException(
                        null,
                        CodedRefusal.of(
                                "planning.runOverlap",
                                "planning run " + run.id()
                                        + " is still queued or running over an overlapping scope; wait until it is done",
                                String.valueOf(run.id())));
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
