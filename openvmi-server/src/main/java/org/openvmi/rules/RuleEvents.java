package org.openvmi.rules;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockChanged;
import org.openvmi.planning.PlanningRunFinished;
import org.openvmi.procurement.AvailableStockChanged;
import org.openvmi.procurement.PurchaseOrderChanged;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.ShipmentNoticeCreated;
import org.openvmi.procurement.ShipmentNoticeView;
import org.openvmi.rules.model.Trigger;
import org.openvmi.stockpolicy.AlertRaised;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.AlertsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Event triggers (issue 17): listens to the features' published events and has the rules that listen to them
 * evaluated on just the subjects each event touched. The event only notes its subjects, once its transaction has
 * committed (a rolled-back posting triggers nothing); one worker thread gathers what arrives within
 * {@code openvmi.rules.event-debounce} (default 10 ms) into one batch per event kind and runs the rules on it. So a
 * posting never waits for rules nor takes a second connection while it holds its own (as channels' PauseWatcher and
 * planning's Replanner), and a burst of postings costs one evaluation per kind. Not a
 * {@code @TransactionalEventListener}/{@code @ApplicationModuleListener}: Spring Modulith would write a publication row
 * per posting (see planning's Replanner); what is lost on a crash between commit and evaluation is caught by the
 * rule's cron, if it has one. Idempotency is the engine's: one action per rule, subject, action and day.
 */
@Component
class RuleEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEvents.class);

    private final RuleEngine engine;
    private final PurchaseOrders purchaseOrders;
    private final CatalogRefs refs;
    private final Duration debounce;
    private final boolean enabled;
    private final Map<Trigger.Event, RuleEngine.Touched> pending = new EnumMap<>(Trigger.Event.class);
    private final Set<Long> pendingOrders = new TreeSet<>();
    private boolean scheduled;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rules-events");
        t.setDaemon(true);
        return t;
    });

    RuleEvents(
            RuleEngine engine,
            PurchaseOrders purchaseOrders,
            CatalogRefs refs,
            @Value("${openvmi.rules.event-debounce:PT0.01S}") Duration debounce,
            @Value("${openvmi.rules.events:true}") boolean enabled) {
        this.engine = engine;
        this.purchaseOrders = purchaseOrders;
        this.refs = refs;
        this.debounce = debounce;
        this.enabled = enabled;
    }

    /** Nothing is noted when no enabled rule listens to postings (ADR 0072): the common case costs no work at all. */
    @EventListener
    void on(StockChanged changed) {
        if (!enabled || !engine.listensTo(Trigger.Event.MOVEMENT_POSTED)) {
            return;
        }
        afterCommit(() -> note(Trigger.Event.MOVEMENT_POSTED, RuleEngine.Touched.pairs(changed.subjects())));
    }

    @EventListener
    void on(AvailableStockChanged changed) {
        afterCommit(
                () -> note(Trigger.Event.SUPPLIER_STOCK_REPORTED, RuleEngine.Touched.items(changed.itemIds(), null)));
    }

    @EventListener
    void on(PurchaseOrderChanged changed) {
        afterCommit(() -> {
            synchronized (this) {
                pendingOrders.add(changed.purchaseOrderId());
                schedule();
            }
        });
    }

    @EventListener
    void on(PlanningRunFinished finished) {
        RuleEngine.Touched touched = finished.pairs() != null
                ? RuleEngine.Touched.pairs(finished.pairs())
                : finished.itemIds() != null
                        ? RuleEngine.Touched.items(finished.itemIds(), finished.warehouseId())
                        : RuleEngine.Touched.everything(finished.warehouseId());
        afterCommit(() -> note(Trigger.Event.PLANNING_RUN_FINISHED, touched));
    }

    /** Stock alerts only: a rule's own alert (type RULE) never triggers rules, so rules cannot feed each other. */
    @EventListener
    void on(AlertsChanged changed) {
        List<AlertRaised> raised = changed.raised().stream()
                .filter(a -> a.type() != AlertType.RULE && a.warehouse() != null)
                .toList();
        if (!raised.isEmpty()) {
            afterCommit(() -> {
                synchronized (this) {
                    pendingAlerts.addAll(raised);
                    schedule();
                }
            });
        }
    }

    private final List<AlertRaised> pendingAlerts = new java.util.ArrayList<>();

    /** A shipment notice: its items at its purchase order's warehouse (read once the notice committed). */
    @EventListener
    void on(ShipmentNoticeCreated created) {
        ShipmentNoticeView n = created.notice();
        Set<String> items = new TreeSet<>();
        n.lines().forEach(l -> items.add(l.item()));
        afterCommit(() -> {
            synchronized (this) {
                pendingNotices
                        .computeIfAbsent(n.purchaseOrder(), k -> new TreeSet<>())
                        .addAll(items);
                schedule();
            }
        });
    }

    /** Per purchase order id: the items its new shipment notices name. */
    private final Map<Long, Set<String>> pendingNotices = new java.util.TreeMap<>();

    private void afterCommit(Runnable noting) {
        if (!enabled) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            noting.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                noting.run();
            }
        });
    }

    private synchronized void note(Trigger.Event event, RuleEngine.Touched touched) {
        pending.merge(event, touched, RuleEngine.Touched::and);
        schedule();
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            worker.schedule(this::drain, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        Map<Trigger.Event, RuleEngine.Touched> batch;
        Set<Long> orders;
        List<AlertRaised> alerts;
        Map<Long, Set<String>> notices;
        synchronized (this) {
            scheduled = false;
            batch = new EnumMap<>(pending);
            pending.clear();
            orders = new TreeSet<>(pendingOrders);
            pendingOrders.clear();
            alerts = List.copyOf(pendingAlerts);
            pendingAlerts.clear();
            notices = new java.util.TreeMap<>(pendingNotices);
            pendingNotices.clear();
        }
        try {
            if (!orders.isEmpty()) {
                batch.merge(Trigger.Event.PURCHASE_ORDER_CHANGED, ofOrders(orders), RuleEngine.Touched::and);
            }
            if (!alerts.isEmpty()) {
                batch.merge(Trigger.Event.ALERT_RAISED, ofAlerts(alerts), RuleEngine.Touched::and);
            }
            if (!notices.isEmpty()) {
                batch.merge(Trigger.Event.SHIPMENT_NOTICE_CREATED, ofNotices(notices), RuleEngine.Touched::and);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read what {} purchase orders / {} alerts touched", orders.size(), alerts.size(), e);
        }
        batch.forEach((event, touched) -> {
            try {
                engine.runOnEvent(event, touched);
            } catch (RuntimeException e) {
                // a rule's own failure is logged in its run log by the engine; this is reading the subjects failing
                LOG.warn("Rules on {} could not run", event, e);
            }
        });
    }

    private RuleEngine.Touched ofOrders(Set<Long> orders) {
        Set<ItemWarehouse> pairs = new TreeSet<>();
        for (long id : orders) {
            PurchaseOrderView po = purchaseOrders.get(id);
            Long warehouse = refs.warehouses(List.of(po.warehouse())).get(po.warehouse());
            if (warehouse == null) {
                continue;
            }
            List<String> codes = po.lines().stream()
                    .map(PurchaseOrderView.Line::item)
                    .distinct()
                    .toList();
            for (ItemRef item : refs.items(codes).values()) {
                pairs.add(new ItemWarehouse(item.id(), warehouse));
            }
        }
        return RuleEngine.Touched.pairs(pairs);
    }

    private RuleEngine.Touched ofNotices(Map<Long, Set<String>> notices) {
        Set<ItemWarehouse> pairs = new TreeSet<>();
        notices.forEach((order, codes) -> {
            PurchaseOrderView po = purchaseOrders.get(order);
            Long warehouse = refs.warehouses(List.of(po.warehouse())).get(po.warehouse());
            if (warehouse != null) {
                for (ItemRef item : refs.items(List.copyOf(codes)).values()) {
                    pairs.add(new ItemWarehouse(item.id(), warehouse));
                }
            }
        });
        return RuleEngine.Touched.pairs(pairs);
    }

    private RuleEngine.Touched ofAlerts(List<AlertRaised> alerts) {
        Map<String, ItemRef> items =
                refs.items(alerts.stream().map(AlertRaised::item).distinct().toList());
        Map<String, Long> warehouses = refs.warehouses(
                alerts.stream().map(AlertRaised::warehouse).distinct().toList());
        Set<ItemWarehouse> pairs = new TreeSet<>();
        for (AlertRaised a : alerts) {
            ItemRef item = items.get(a.item());
            Long warehouse = warehouses.get(a.warehouse());
            if (item != null && warehouse != null) {
                pairs.add(new ItemWarehouse(item.id(), warehouse));
            }
        }
        return RuleEngine.Touched.pairs(pairs);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
