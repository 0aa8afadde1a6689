package org.openvmi.channels.internal;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.channels.model.Allocation;
import org.openvmi.channels.model.AllocationRule;
import org.openvmi.inventory.FreeStock;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockChanged;
import org.openvmi.inventory.StockQueries;
import org.openvmi.shared.cluster.CacheVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the ATP read needs per item, kept in memory so that a read in the steady state runs no SQL (ADR 0082): the
 * item's reference (code, name), its free own stock in the channels' warehouses, the channels paused for it (and held
 * so) and what each channel holds reserved of it. The allocation is computed from these and the rules on each read
 * (plain Java, microseconds).
 * <p>
 * An entry is dropped when something on this instance changes it: a posting ({@code StockChanged}), a channel order
 * placed, committed or released, a reservation of a channel order ended outside channels, a pause or resume; each
 * drop happens at once and again after the changing transaction ended, and a load that raced a drop is not kept. A
 * change of the channels or their pools ({@code cache_version} row {@code channels}, ADR 0072) drops everything, on
 * every instance within the cache poll. What this instance hears of no event for (postings and orders on another
 * instance, a reservation made through the reservations API) is caught by the refresh: every
 * {@code openvmi.channels.atp-refresh} (default 1 s) every kept entry is read again in batches, so ATP never shows a
 * unit the ledger no longer has for longer than that interval plus one refresh pass. Entries not read for
 * {@code openvmi.channels.atp-idle} (default 60 s) are forgotten.
 * <p>
 * Channel orders never use it: they judge on a picture read in their transaction under the item locks
 * ({@link ChannelStock#judgedPicture}), so nothing is ever promised twice whatever this copy shows.
 */
@Component
public class KeptStock {

    private static final Logger log = LoggerFactory.getLogger(KeptStock.class);

    /** Items per refresh or load query. */
    static final int BATCH = 500;

    /** What is kept of one item; {@code data} null: dropped (a marker a racing load must not replace). */
    private record Entry(Data data, long loadedAt, long[] lastRead) {

        static Entry dropped() {
            return new Entry(null, 0, new long[] {0});
        }
    }

    /** One item's kept figures. */
    record Data(List<FreeStock> free, Set<Long> paused, Set<Long> kept, Map<Long, Map<Long, BigDecimal>> held) {}

    private static final Data NOTHING = new Data(List.of(), Set.of(), Set.of(), Map.of());

    private final ChannelRepository channels;
    private final StockQueries stock;
    private final CatalogRefs refs;
    private final long refreshMs;
    private final long idleMs;
    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Items by code as last read (id, code, name), each with when it was last asked for. */
    private record Ref(ItemRef item, long[] lastRead) {}

    /** Item references by code: resolved without SQL once known, re-read by the refresh (a rename, a new name). */
    private final ConcurrentHashMap<String, Ref> byCode = new ConcurrentHashMap<>();
    /** Bumped when everything is dropped: a load begun before is not kept. */
    private final AtomicLong epoch = new AtomicLong();
    /** The warehouses the kept free stock covers (every channel's pool); another set drops everything. */
    private volatile Set<Long> warehouses = Set.of();

    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "channel-atp-refresh");
        t.setDaemon(true);
        return t;
    });

    KeptStock(
            ChannelRepository channels,
            StockQueries stock,
            CatalogRefs refs,
            CacheVersions versions,
            @Value("${openvmi.channels.atp-refresh:PT1S}") Duration refresh,
            @Value("${openvmi.channels.atp-idle:PT60S}") Duration idle) {
        this.channels = channels;
        this.stock = stock;
        this.refs = refs;
        this.refreshMs = refresh.toMillis();
        this.idleMs = idle.toMillis();
        versions.onChange(CacheVersions.CHANNELS, this::dropAll);
        if (refreshMs > 0) {
            refresher.scheduleWithFixedDelay(this::refresh, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
        }
    }

    /** The bound (ms) on how long a change this instance heard no event for may stay unseen, less one pass. */
    public long refreshMs() {
        return refreshMs;
    }

    /**
     * The items by code as the ATP read resolves them: kept ones without SQL, the others (and barcodes) from the
     * catalog. Unknown codes are absent.
     */
    public Map<String, ItemRef> items(Collection<String> codes) {
        Map<String, ItemRef> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (String code : codes) {
            Ref r = byCode.get(code);
            if (r != null) {
                r.lastRead()[0] = now;
                found.put(code, r.item());
            } else {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            long began = epoch.get();
            Map<String, ItemRef> read = refs.items(missing);
            found.putAll(read);
            if (epoch.get() == began) {
                read.forEach((code, ref) -> {
                    if (ref.code().equals(code)) { // barcodes are not kept
                        byCode.putIfAbsent(code, new Ref(ref, new long[] {now}));
                    }
                });
            }
        }
        return found;
    }

    /** The picture of the items under the rules, from the kept entries; missing ones read in one pass and kept. */
    public ChannelStock.Picture picture(Collection<Long> itemIds, List<AllocationRule> rules) {
        Set<Long> pools = new HashSet<>();
        rules.forEach(r -> pools.addAll(r.pool()));
        if (!pools.equals(warehouses)) {
            synchronized (this) {
                if (!pools.equals(warehouses)) {
                    dropAll();
                    warehouses = Set.copyOf(pools);
                }
            }
        }
        long now = System.currentTimeMillis();
        Map<Long, Data> data = new HashMap<>();
        Map<Long, Entry> seen = new HashMap<>();
        for (long item : itemIds) {
            Entry e = entries.get(item);
            if (e != null && e.data() != null) {
                e.lastRead()[0] = now;
                data.put(item, e.data());
            } else {
                seen.put(item, e);
            }
        }
        if (!seen.isEmpty()) {
            data.putAll(load(seen, pools));
        }
        Map<Long, List<FreeStock>> free = new HashMap<>();
        Map<Long, Map<Long, BigDecimal>> byWarehouse = new HashMap<>();
        Map<Long, Set<Long>> paused = new HashMap<>();
        Map<Long, Set<Long>> kept = new HashMap<>();
        Map<Long, Allocation> allocation = new HashMap<>();
        for (long item : itemIds) {
            Data d = data.getOrDefault(item, NOTHING);
            Map<Long, BigDecimal> w = new HashMap<>();
            for (FreeStock f : d.free()) {
                w.merge(f.warehouseId(), f.free(), BigDecimal::add);
            }
            free.put(item, d.free());
            byWarehouse.put(item, w);
            if (!d.paused().isEmpty()) {
                paused.put(item, d.paused());
            }
            if (!d.kept().isEmpty()) {
                kept.put(item, d.kept());
            }
            allocation.put(item, Allocation.compute(rules, w, d.held(), d.paused()));
        }
        return new ChannelStock.Picture(rules, free, byWarehouse, allocation, paused, kept);
    }

    /**
     * Reads the items (one pass: their references, free stock, pauses and holds) and keeps what no drop overtook;
     * {@code seen} holds the entry each item had when the caller looked (null: none).
     */
    private Map<Long, Data> load(Map<Long, Entry> seen, Set<Long> pools) {
        long began = epoch.get();
        Map<Long, Data> loaded = read(seen.keySet(), pools);
        long now = System.currentTimeMillis();
        if (epoch.get() == began) {
            loaded.forEach((item, d) -> {
                Entry before = seen.get(item);
                Entry fresh = new Entry(d, now, new long[] {now});
                if (before == null) {
                    entries.putIfAbsent(item, fresh);
                } else {
                    entries.replace(item, before, fresh);
                }
            });
            if (epoch.get() != began) {
                loaded.keySet().forEach(entries::remove); // dropped meanwhile: maybe kept after the drop, so forget it
            }
        }
        return loaded;
    }

    /** The items' data read from the database now (no transaction needed: each figure is one statement). */
    private Map<Long, Data> read(Collection<Long> itemIds, Set<Long> pools) {
        Map<Long, Data> out = new HashMap<>();
        List<Long> all = List.copyOf(new TreeSet<>(itemIds));
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Map<Long, List<FreeStock>> free = new HashMap<>();
            for (FreeStock f : stock.freeStock(batch, pools)) {
                free.computeIfAbsent(f.itemId(), k -> new ArrayList<>()).add(f);
            }
            ChannelRepository.PausesAndHolds ph = channels.pausesAndHolds(batch);
            for (long item : batch) {
                Map<Long, Map<Long, BigDecimal>> held = new HashMap<>();
                ph.held().getOrDefault(item, Map.of()).forEach((c, w) -> held.put(c, Map.copyOf(w)));
                out.put(
                        item,
                        new Data(
                                List.copyOf(free.getOrDefault(item, List.of())),
                                Set.copyOf(ph.paused().getOrDefault(item, Set.of())),
                                Set.copyOf(ph.kept().getOrDefault(item, Set.of())),
                                Map.copyOf(held)));
            }
        }
        return out;
    }

    /** A posting moved the items' stock: dropped once it committed. */
    @EventListener
    void on(StockChanged changed) {
        dropAfterCompletion(changed.subjects().stream()
                .map(ItemWarehouse::itemId)
                .distinct()
                .toList());
    }

    /** Drops the items now and again once the current transaction ended (at once only, without one). */
    public void dropAfterCompletion(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        drop(itemIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            List<Long> items = List.copyOf(itemIds);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop(items);
                }
            });
        }
    }

    private void drop(Collection<Long> itemIds) {
        for (long item : itemIds) {
            // a fresh marker (never equal to what a racing load saw) keeps that load from being kept
            entries.put(item, Entry.dropped());
        }
    }

    /** Forgets everything (the channels or their pools changed). */
    public void dropAll() {
        epoch.incrementAndGet();
        entries.clear();
        byCode.clear();
    }

    /** Re-reads every kept entry (changes no event told this instance of) and forgets idle ones. */
    void refresh() {
        try {
            long now = System.currentTimeMillis();
            Map<Long, Entry> due = new HashMap<>();
            entries.forEach((item, e) -> {
                if (e.data() == null) {
                    if (now - e.lastRead()[0] > idleMs) {
                        entries.remove(item, e); // a marker nobody loaded over
                    } else if (e.lastRead()[0] == 0) {
                        e.lastRead()[0] = now;
                    }
                } else if (now - e.lastRead()[0] > idleMs) {
                    entries.remove(item, e);
                } else {
                    due.put(item, e);
                }
            });
            if (!due.isEmpty() && !warehouses.isEmpty()) {
                Set<Long> pools = warehouses;
                List<Long> all = new ArrayList<>(due.keySet());
                for (int from = 0; from < all.size(); from += BATCH) {
                    Map<Long, Entry> batch = new HashMap<>();
                    for (long item : all.subList(from, Math.min(all.size(), from + BATCH))) {
                        batch.put(item, due.get(item));
                    }
                    long began = epoch.get();
                    Map<Long, Data> loaded = read(batch.keySet(), pools);
                    long at = System.currentTimeMillis();
                    if (epoch.get() != began) {
                        return;
                    }
                    batch.forEach((item, before) -> {
                        Data d = loaded.get(item);
                        if (d == null) {
                            entries.remove(item, before);
                        } else {
                            entries.replace(item, before, new Entry(d, at, before.lastRead()));
                        }
                    });
                }
            }
            refreshRefs(now);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the kept channel stock: dropping it", e);
            dropAll();
        }
    }

    /** Re-reads the kept item references (a renamed item's old code stops resolving) and forgets idle ones. */
    private void refreshRefs(long now) {
        Map<Long, List<Map.Entry<String, Ref>>> due = new HashMap<>();
        byCode.entrySet().forEach(e -> {
            if (now - e.getValue().lastRead()[0] > idleMs) {
                byCode.remove(e.getKey(), e.getValue());
            } else {
                due.computeIfAbsent(e.getValue().item().id(), k -> new ArrayList<>())
                        .add(e);
            }
        });
        List<Long> all = new ArrayList<>(due.keySet());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            long began = epoch.get();
            Map<Long, ItemRef> read = refs.itemsById(batch);
            if (epoch.get() != began) {
                return;
            }
            for (long id : batch) {
                ItemRef now2 = read.get(id);
                for (Map.Entry<String, Ref> e : due.get(id)) {
                    if (now2 == null || !now2.code().equals(e.getKey())) {
                        byCode.remove(e.getKey(), e.getValue());
                    } else if (!now2.equals(e.getValue().item())) {
                        byCode.replace(
                                e.getKey(),
                                e.getValue(),
                                new Ref(now2, e.getValue().lastRead()));
                    }
                }
            }
        }
    }

    /** How many items are kept with data (tests, logs). */
    int size() {
        return (int) entries.values().stream().filter(e -> e.data() != null).count();
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
