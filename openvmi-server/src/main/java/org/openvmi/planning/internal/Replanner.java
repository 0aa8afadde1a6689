package org.openvmi.planning.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockChanged;
import org.openvmi.planning.PlanningRuns;
import org.openvmi.procurement.PurchaseOrderChanged;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-plans the item × warehouses whose supply or demand just changed — a posting (receipt, consumption, issue,
 * transfer) or a purchase order sent, confirmed, changed or closed — within {@code openvmi.planning.replan-debounce}
 * (default 30 s) of the first change: the changes of that window are batched into one targeted run over just their
 * pairs. While an overlapping run is live (409) the pairs wait for the next window; nothing is lost but on a restart.
 */
@Component
class Replanner {

    private static final Logger log = LoggerFactory.getLogger(Replanner.class);

    private final PlanningRuns runs;
    private final PurchaseOrders purchaseOrders;
    private final CatalogRefs refs;
    private final PlanningCatalog catalog;
    private final Duration debounce;
    private final boolean enabled;
    private final Set<ItemWarehouse> pending = new TreeSet<>();
    private boolean scheduled;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "planning-replan");
        t.setDaemon(true);
        return t;
    });

    Replanner(PlanningRuns runs, PurchaseOrders purchaseOrders, CatalogRefs refs, PlanningCatalog catalog,
              @Value("${openvmi.planning.replan-debounce:PT30S}") Duration debounce,
              @Value("${openvmi.planning.replan:true}") boolean enabled) {
        this.runs = runs;
        this.purchaseOrders = purchaseOrders;
        this.refs = refs;
        this.catalog = catalog;
        this.debounce = debounce;
        this.enabled = enabled;
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
        List<String> codes = po.lines().stream().map(PurchaseOrderView.Line::item).distinct().toList();
        Set<ItemWarehouse> pairs = new TreeSet<>();
        for (ItemRef item : refs.items(codes).values()) {
            pairs.add(new ItemWarehouse(item.id(), warehouse));
        }
        add(pairs);
    }

    private synchronized void add(Set<ItemWarehouse> pairs) {
        if (!enabled || pairs.isEmpty()) {
            return;
        }
        pending.addAll(pairs);
        if (!scheduled) {
            scheduled = true;
            timer.schedule(this::flush, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        Set<ItemWarehouse> batch;
        synchronized (this) {
            batch = new TreeSet<>(pending);
            pending.clear();
            scheduled = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            var run = runs.replan(batch, "replan");
            log.info("Re-planning {} item-warehouses after their stock or orders changed: run {}", batch.size(), run.id());
        } catch (ConflictException e) {
            log.info("Re-plan of {} item-warehouses waits for the next window: {}", batch.size(), e.getMessage());
            add(batch);
        } catch (RuntimeException e) {
            log.warn("Re-plan of {} item-warehouses failed", batch.size(), e);
        }
    }
}
