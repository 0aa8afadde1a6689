package org.openvmi.channels.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openvmi.inventory.StockChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-judges channel pauses when stock moved (a receipt resumes paused channels, an issue may pause them). The posting
 * only notes its items; once it committed, one worker thread judges them in its own transaction. So a posting never
 * waits for channels nor takes a second connection while holding its own (16 concurrent posters must not starve a
 * pool of 10, see planning's Replanner), and the channel locks are never taken while a posting holds balance rows.
 * Not a {@code @TransactionalEventListener}: Spring Modulith would record each in its publication registry.
 * <p>
 * The worker waits {@code openvmi.channels.pause-window} (default 25 ms) after the first noted item, so the items of
 * every posting committed in that window are judged in one pass (three reads when no channel has a pause line and
 * none of them is paused, instead of three per posting; ADR 0072).
 */
@Component
class PauseWatcher {

    private static final Logger log = LoggerFactory.getLogger(PauseWatcher.class);

    private final ChannelStock stock;
    private final ChannelRepository channels;
    private final TransactionTemplate transactions;
    private final Duration window;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "channel-pauses");
        t.setDaemon(true);
        return t;
    });
    /** Items noted, each with the warehouses its stock moved in. */
    private final Map<Long, Set<Long>> pending = new TreeMap<>();

    PauseWatcher(
            ChannelStock stock,
            ChannelRepository channels,
            PlatformTransactionManager transactionManager,
            @Value("${openvmi.channels.pause-window:PT0.025S}") Duration window) {
        this.window = window;
        this.stock = stock;
        this.channels = channels;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    void on(StockChanged changed) {
        Map<Long, Set<Long>> movedIn = new TreeMap<>();
        changed.subjects()
                .forEach(s -> movedIn.computeIfAbsent(s.itemId(), k -> new TreeSet<>())
                        .add(s.warehouseId()));
        judgeAfterCommit(movedIn);
    }

    /** Judges the items' pauses once the current transaction committed (at once when there is none). */
    void judgeAfterCommit(List<Long> items) {
        Map<Long, Set<Long>> movedIn = new TreeMap<>();
        items.forEach(i -> movedIn.put(i, new TreeSet<>()));
        judgeAfterCommit(movedIn);
    }

    /** The same with the warehouses each item's stock moved in (a channel is paused only for items it deals in). */
    private void judgeAfterCommit(Map<Long, Set<Long>> items) {
        if (items.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            note(items);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                note(items);
            }
        });
    }

    private void note(Map<Long, Set<Long>> items) {
        boolean start;
        synchronized (pending) {
            start = pending.isEmpty();
            items.forEach((item, warehouses) ->
                    pending.computeIfAbsent(item, k -> new TreeSet<>()).addAll(warehouses));
        }
        if (start) {
            worker.schedule(this::drain, window.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        List<Long> items;
        Map<Long, Set<Long>> movedIn;
        synchronized (pending) {
            movedIn = new TreeMap<>(pending);
            items = new ArrayList<>(pending.keySet());
            pending.clear();
        }
        if (items.isEmpty()) {
            return;
        }
        try {
            if (!channels.anyActive()) {
                return; // no channel at all (kept in memory): nothing a stock change could pause or resume
            }
            if (channels.rules().stream().noneMatch(r -> r.pauseBelow() != null)
                    && channels.paused(items).isEmpty()) {
                return;
            }
            for (int from = 0; from < items.size(); from += 500) {
                List<Long> batch = items.subList(from, Math.min(items.size(), from + 500));
                Map<Long, Set<Long>> moved = new TreeMap<>();
                batch.forEach(i -> moved.put(i, movedIn.get(i)));
                transactions.executeWithoutResult(status -> {
                    channels.lockItems(batch);
                    stock.judgePauses(moved);
                });
            }
        } catch (RuntimeException e) {
            log.warn("Could not judge channel pauses of {} items after a posting", items.size(), e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
