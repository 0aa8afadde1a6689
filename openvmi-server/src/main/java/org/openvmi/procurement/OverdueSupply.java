package org.openvmi.procurement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.procurement.internal.OverdueSupplyRepository;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overdue supply (采购延迟): one alert per PO line past its confirmed (else needed-by) date and per shipment notice
 * line past its expected date, while not received. Checked on a schedule ({@code openvmi.procurement.overdue-cron},
 * hourly by default, so a line is raised the day after its date) and after every receipt or PO change, so a receipt
 * resolves its alert at once. Each raise and resolution is published ({@link SupplyOverdue},
 * {@link SupplyOverdueResolved}) for webhooks.
 */
@Service
public class OverdueSupply {

    private static final Logger log = LoggerFactory.getLogger(OverdueSupply.class);

    private final OverdueSupplyRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CatalogRefs refs;
    /** A check is on its way and has not read the PO lines yet (see {@link #checkOnce}). */
    private final java.util.concurrent.atomic.AtomicBoolean checkQueued =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final org.springframework.transaction.support.TransactionTemplate transactions;

    OverdueSupply(
            OverdueSupplyRepository repository,
            ApplicationEventPublisher events,
            Clock clock,
            CatalogRefs refs,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.repository = repository;
        this.refs = refs;
        this.events = events;
        this.clock = clock;
    }

    /** Raises the lines late today that have no open alert and resolves the open alerts whose line is no longer late. */
    @Transactional
    @Scheduled(cron = "${openvmi.procurement.overdue-cron:0 5 * * * *}")
    public Result check() {
        repository.lock();
        // from here on every change committed so far is seen: an event that arrives later queues a check of its own
        checkQueued.set(false);
        LocalDate today = LocalDate.now(clock);
        Map<String, OverdueSupplyRepository.Late> late = repository.lateOn(today);
        Map<String, Long> open = repository.open();
        List<Long> raised = new ArrayList<>();
        List<Long> resolved = new ArrayList<>();
        late.forEach((key, line) -> {
            if (!open.containsKey(key)) {
                raised.add(repository.raise(line, clock.instant()));
            }
        });
        open.forEach((key, id) -> {
            if (!late.containsKey(key)) {
                repository.resolve(id, clock.instant());
                resolved.add(id);
            }
        });
        raised.forEach(id -> events.publishEvent(new SupplyOverdue(repository.get(id, today))));
        resolved.forEach(id -> events.publishEvent(new SupplyOverdueResolved(repository.get(id, today))));
        if (!raised.isEmpty() || !resolved.isEmpty()) {
            log.info("Overdue supply: {} raised, {} resolved", raised.size(), resolved.size());
        }
        return new Result(raised.size(), resolved.size());
    }

    /** How many alerts one check raised and resolved. */
    public record Result(int raised, int resolved) {}

    @ApplicationModuleListener
    void on(GoodsReceived received) {
        checkOnce();
    }

    @ApplicationModuleListener
    void on(PurchaseOrderChanged changed) {
        checkOnce();
    }

    /**
     * Runs a bulk job (the demo seeder replaying a year of back-dated receipts and PO changes) without the check after
     * each of its events, then checks once. Each of those checks took the embedded database's one writer from the job
     * and judged the back-dated lines against today, raising and resolving the same alerts again and again; the
     * alerts open after the job are the same, as the last check decides them. The scheduled check is not held.
     */
    public <T> T withEventChecksHeld(java.util.function.Supplier<T> work) {
        holders.incrementAndGet();
        try {
            return work.get();
        } finally {
            if (holders.decrementAndGet() == 0) {
                // in a transaction of its own, as the listener's check would run (this call does not pass the proxy)
                transactions.executeWithoutResult(status -> check());
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger holders = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A receipt hands over one event per line and a PO change one more: each used to run the whole check (two scans of
     * every open PO and notice line) in a transaction of its own, one after the other on the embedded database's one
     * writer. An event that arrives while a check is queued but has not read yet is covered by that check (its change
     * committed before the event was handed over), so it does not check again.
     */
    private void checkOnce() {
        if (holders.get() > 0) {
            return; // the check when the hold ends covers it
        }
        if (checkQueued.getAndSet(true)) {
            return;
        }
        try {
            check();
        } catch (RuntimeException e) {
            checkQueued.set(false);
            throw e;
        }
    }

    /**
     * The alerts by status and kind (null or blank for all), of one warehouse and one supplier (codes; null or blank
     * for all), oldest due date first. A supplier user sees only its own.
     */
    @Transactional(readOnly = true)
    public PageResult<OverdueSupplyView> find(
            String status, String kind, String warehouse, String supplier, PageRequest page) {
        String s = AllowedValues.code("status", status, OverdueStatus.class);
        String k = AllowedValues.code("kind", kind, OverdueKind.class);
        OverdueSupplyRepository.Filter filter = new OverdueSupplyRepository.Filter(
                s == null ? null : OverdueStatus.valueOf(s),
                k == null ? null : OverdueKind.valueOf(k),
                known("warehouse", warehouse, refs::warehouses),
                known("supplier", supplier, refs::suppliers));
        return repository.find(filter, PartyScope.current(), LocalDate.now(clock), page);
    }

    @Transactional(readOnly = true)
    public long countOpen(OverdueKind kind) {
        return repository
                .find(
                        new OverdueSupplyRepository.Filter(OverdueStatus.OPEN, kind, null, null),
                        PartyScope.current(),
                        LocalDate.now(clock),
                        new PageRequest(0, 1))
                .totalElements();
    }

    private static Long known(String field, String code, Function<List<String>, Map<String, Long>> lookup) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Long id = lookup.apply(List.of(code.trim())).get(code.trim());
        if (id == null) {
            throw InvalidInputException.of(field, "unknown " + field + " '" + code.trim() + "'");
        }
        return id;
    }
}
