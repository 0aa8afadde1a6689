package org.openvmi.planning.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockChanged;
import org.openvmi.planning.PlanningRuns;
import org.openvmi.procurement.AvailableStockChanged;
import org.openvmi.procurement.PurchaseOrderChanged;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-plans the item × warehouses whose supply or demand just changed — a posting (receipt, consumption, issue,
 * transfer), a purchase order sent, confirmed, changed, cancelled or closed, or a supplier's stock report — within
 * {@code openvmi.planning.replan-debounce} (default 30 s) of the first change: the changes of that window are batched
 * into one targeted run over just their pairs. While an overlapping run is live (409) the pairs wait for the next
 * window. The pairs wait in a table ({@link ReplanQueue}), written off the posting's thread at once, so they survive
 * a restart (the next start takes them) and each is taken by one instance only. The pairs of the postings within
 * {@code openvmi.planning.replan-note-window} (default 200 ms) are written in one batch (ADR 0072): a pair is in the
 * table at most that long after its posting committed.
 */
@Component
class Replanner {

    private static final Logger log = LoggerFactory.getLogger(Replanner.class);

    private final PlanningRuns runs;
    private final PurchaseOrders purchaseOrders;
    private final CatalogRefs refs;
    private final PlanningCatalog catalog;
    private final Duration debounce;
    private final Duration noteWindow;
    private final boolean enabled;
    private final ReplanQueue queue;
    private final HistoryReader history;
    private final Clock clock;
    private final ReplanHold hold;
    private final Set<ItemWarehouse> noted = new TreeSet<>();
    private boolean storing;
    private boolean scheduled;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "planning-replan");
        t.setDaemon(true);
        return t;
    });

    Replanner(
            PlanningRuns runs,
            PurchaseOrders purchaseOrders,
            CatalogRefs refs,
            PlanningCatalog catalog,
            ReplanQueue queue,
            HistoryReader history,
            Clock clock,
            ReplanHold hold,
            @Value("${openvmi.planning.replan-debounce:PT30S}") Duration debounce,
            @Value("${openvmi.planning.replan-note-window:PT0.2S}") Duration noteWindow,
            @Value("${openvmi.planning.replan:true}") boolean enabled) {
        this.noteWindow = noteWindow;
        this.queue = queue;
        this.history = history;
        this.clock = clock;
        this.runs = runs;
        this.purchaseOrders = purchaseOrders;
        this.refs = refs;
        this.catalog = catalog;
        this.debounce = debounce;
        this.enabled = enabled;
        this.hold = hold;
        hold.onRelease(this::released);
    }

    /** The pairs noted during a hold go to the queue now and are re-planned one window later. */
    private synchronized void released() {
        if (enabled && !noted.isEmpty() && !storing) {
            storing = true;
            timer.execute(this::store);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /**
     * In the posting's transaction, only noting the pairs in memory: a rolled-back posting costs at most one needless
     * re-plan. Not a @TransactionalEventListener: Spring Modulith records those in its publication registry, which
     * wrote a row per posting and took a second connection in afterCompletion while the posting still held its own,
     * so 16 concurrent posters starved a pool of 10 (LedgerSoakOnPostgresIT).
     */
    @EventListener
    void on(StockChanged changed) {
        add(changed.subjects());
    }

    @ApplicationModuleListener
    void on(PurchaseOrderChanged changed) {
        PurchaseOrderView po = purchaseOrders.get(changed.purchaseOrderId());
        Long warehouse = catalog.warehouseId(po.warehouse());
        if (warehouse == null) {
            return;
        }
        List<String> codes =
                po.lines().stream().map(PurchaseOrderView.Line::item).distinct().toList();
        Set<ItemWarehouse> pairs = new TreeSet<>();
        for (ItemRef item : refs.items(codes).values()) {
            pairs.add(new ItemWarehouse(item.id(), warehouse));
        }
        add(pairs);
    }

    /** Pairs left waiting by a stopped instance (or by another one) are re-planned one window after the start. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        if (enabled) {
            timer.execute(() -> {
                try {
                    if (!queue.isEmpty()) {
                        schedule();
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not read the item-warehouses waiting for a re-plan", e);
                }
            });
        }
    }

    /** A supplier's reported stock picks the source of a purchase suggestion: its items where they are planned. */
    @ApplicationModuleListener
    void on(AvailableStockChanged changed) {
        add(history.pairsOf(changed.itemIds()));
    }

    /**
     * Notes in memory and hands the writing to the timer thread, one note window later: the posting neither waits
     * nor takes a connection, and the postings of one window cost one batch.
     */
    private synchronized void add(Set<ItemWarehouse> pairs) {
        if (!enabled || pairs.isEmpty()) {
            return;
        }
        noted.addAll(pairs);
        // during a hold the pairs only gather in memory: no queue write per posting, no run (see ReplanHold)
        if (!storing && !hold.held()) {
            storing = true;
            timer.schedule(this::store, noteWindow.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void store() {
        Set<ItemWarehouse> batch;
        synchronized (this) {
            batch = new TreeSet<>(noted);
            noted.clear();
            storing = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            queue.note(batch, clock.instant());
            schedule();
        } catch (RuntimeException e) {
            log.warn("Could not note {} item-warehouses for a re-plan; they wait in memory", batch.size(), e);
            synchronized (this) {
                noted.addAll(batch);
            }
            schedule();
        }
    }

    private synchronized void schedule() {
        if (!scheduled) {
            scheduled = true;
            timer.schedule(this::flush, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        synchronized (this) {
            scheduled = false;
        }
        store();
        if (hold.held()) {
            schedule();
            return;
        }
        Set<ItemWarehouse> batch;
        try {
            batch = queue.take();
        } catch (RuntimeException e) {
            log.warn("Could not take the item-warehouses waiting for a re-plan", e);
            schedule();
            return;
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            var run = runs.replan(batch, "replan");
            log.info(
                    "Re-planning {} item-warehouses after their stock or orders changed: run {}",
                    batch.size(),
                    run.id());
        } catch (ConflictException e) {
            log.info("Re-plan of {} item-warehouses waits for the next window: {}", batch.size(), e.getMessage());
            add(batch);
        } catch (RuntimeException e) {
            log.warn("Re-plan of {} item-warehouses failed", batch.size(), e);
        }
    }
}
