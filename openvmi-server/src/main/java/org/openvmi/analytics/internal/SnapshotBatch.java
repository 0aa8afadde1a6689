package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.analytics.internal.SnapshotRepository.StoredLayers;
import org.openvmi.analytics.model.ConsignmentPrices;
import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.FifoLayers;
import org.openvmi.analytics.model.LedgerMovement;
import org.openvmi.analytics.model.MonthlyRollup;
import org.openvmi.analytics.model.SnapshotBuilder;
import org.openvmi.analytics.model.SnapshotBuilder.DayKey;
import org.openvmi.analytics.model.SnapshotKey;
import org.openvmi.consignment.Agreements;
import org.openvmi.inventory.LedgerEntry;
import org.openvmi.inventory.LedgerFeed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds one batch of ledger movements into the snapshots, in one transaction holding the cursor's row lock: a second
 * instance waits and then starts from the moved cursor. Movements younger than the settle lag wait for the next run,
 * so that a posting that took its id earlier but committed later is not skipped.
 */
@Component
public class SnapshotBatch {

    private final LedgerFeed feed;
    private final Agreements agreements;
    private final SnapshotRepository repository;
    private final Clock clock;
    private final Duration settleLag;
    private final boolean rollup;
    private final TransactionTemplate transactions;
    private final KeyStates states;
    private final GroupFactsStore groupFacts;

    SnapshotBatch(
            LedgerFeed feed,
            Agreements agreements,
            SnapshotRepository repository,
            Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${openvmi.analytics.settle-lag:PT10S}") Duration settleLag,
            @Value("${openvmi.analytics.monthly-rollup:true}") boolean rollup,
            @Value("${openvmi.analytics.kept-keys:20000}") int keptKeys,
            GroupFactsStore groupFacts) {
        this.rollup = rollup;
        this.groupFacts = groupFacts;
        this.feed = feed;
        this.agreements = agreements;
        this.repository = repository;
        this.clock = clock;
        this.settleLag = settleLag;
        this.transactions = new TransactionTemplate(transactionManager);
        this.states = new KeyStates(keptKeys);
    }

    /**
     * Processes up to {@code size} movements in one transaction; answers how many. The batches of this instance run one
     * at a time (the kept key states of the last one are filled after its commit, before the next one begins).
     */
    public int run(int size) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a caller's transaction (which may hold the embedded database's writer): joins it without waiting
            // for this instance's other batches (they may wait for that writer) and keeps no state
            Integer done = transactions.execute(status -> fold(size, false));
            return done == null ? 0 : done;
        }
        synchronized (states) {
            Integer done = transactions.execute(status -> fold(size, status.isNewTransaction()));
            return done == null ? 0 : done;
        }
    }

    private int fold(int size, boolean ownTransaction) {
        long cursor = repository.lockCursor();
        if (ownTransaction) {
            states.checkAt(cursor);
        } else {
            states.clear(); // inside a caller's transaction: its commit is not ours to watch
        }
        if (rollup) {
            groupFacts.buildIfNeeded(); // ADR 0079: once, after the migration, from the existing daily rows
        }
        Instant settled = clock.instant().minus(settleLag);
        List<LedgerEntry> entries = feed.after(cursor, size).stream()
                .takeWhile(e -> !e.postedAt().isAfter(settled))
                .toList();
        if (entries.isEmpty()) {
            return 0;
        }
        if (!rollup) {
            // the group facts are kept from the latest rows and months, which this batch leaves behind: they are
            // marked to be built again from the daily rows by the first batch with the rollup on (ADR 0089)
            groupFacts.markStale();
        }
        ZoneId zone = clock.getZone();
        List<LedgerMovement> movements =
                entries.stream().map(e -> movement(e, zone)).toList();
        Set<String> items = new HashSet<>();
        Set<String> priced = new HashSet<>();
        Set<DayKey> touchedDays = new HashSet<>();
        Set<SnapshotKey> touchedKeys = new HashSet<>();
        movements.forEach(m -> {
            items.add(m.key().item());
            touchedDays.add(new DayKey(m.key(), m.day()));
            touchedKeys.add(m.key());
            if (m.qty().signum() > 0 && m.unitCost() == null && !m.key().own()) {
                priced.add(m.key().item()); // only a consignment receipt without a cost needs the agreement price
            }
        });
        // the stored state of the touched keys: kept from this instance's last batch (ADR 0080) or read
        Map<SnapshotKey, KeyStates.State> kept = states.of(touchedKeys);
        Set<SnapshotKey> unknown = new HashSet<>(touchedKeys);
        unknown.removeAll(kept.keySet());
        Map<SnapshotKey, StoredLayers> storedLayers = new HashMap<>(repository.storedLayers(unknown));
        Map<SnapshotKey, MonthlyRollup.Latest> latest = new HashMap<>(rollup ? repository.latest(unknown) : Map.of());
        Map<SnapshotKey, MonthlyRollup.Month> lastMonths =
                new HashMap<>(rollup ? repository.lastMonths(latest) : Map.of());
        Set<DayKey> unknownDays = new HashSet<>();
        Map<DayKey, DailyFigures> stored = new HashMap<>();
        touchedDays.forEach(d -> {
            KeyStates.State s = kept.get(d.key());
            if (s == null || d.day().isBefore(s.latest().lastDay())) {
                unknownDays.add(d); // not kept, or back-dated: the stored row is read
            } else if (d.day().equals(s.latest().lastDay())) {
                stored.put(d, s.lastRow());
            } // after the key's last day: no row yet
        });
        stored.putAll(repository.days(unknownDays));
        kept.forEach((k, s) -> {
            storedLayers.put(k, s.layers());
            latest.put(k, s.latest());
            lastMonths.put(k, s.lastMonth());
        });
        Map<String, BigDecimal> costs = new HashMap<>(states.costs(items));
        Set<String> unknownItems = new HashSet<>(items);
        unknownItems.removeAll(costs.keySet());
        if (!unknownItems.isEmpty()) {
            costs.putAll(repository.lastCosts(unknownItems));
        }
        Map<SnapshotKey, FifoLayers> fifos = new HashMap<>();
        touchedKeys.forEach(k -> {
            StoredLayers l = storedLayers.get(k);
            if (l != null) {
                fifos.put(k, l.fifo());
            }
        });
        SnapshotBuilder builder = new SnapshotBuilder(
                fifos, costs, stored, priced.isEmpty() ? ConsignmentPrices.none() : prices(agreements, priced));
        movements.forEach(builder::apply);
        Map<DayKey, DailyFigures> written = only(builder.days(), touchedDays);
        Map<SnapshotKey, StoredLayers> savedLayers =
                repository.saveLayers(storedLayers, only(builder.layers(), touchedKeys));
        repository.saveDays(written, stored.keySet());
        Map<String, BigDecimal> itemCosts = only(builder.lastCost(), items);
        repository.saveCosts(itemCosts, costs);
        Map<SnapshotKey, MonthlyRollup.Extension> extended = Map.of();
        Map<String, GroupFactsStore.SubjectMonth> subjectMonths = Map.of();
        if (rollup) {
            // group-level facts (ADR 0079): before rollMonths, which moves the latest state past the batch; the
            // touched item × warehouses' rows of the month kept from this instance's last batches (ADR 0089)
            subjectMonths = groupFacts.update(stored, written, ownTransaction ? states.subjects() : Map.of());
            // the months from the rows before and after the batch (ADR 0058), not from the months' daily rows
            extended = repository.rollMonths(stored, written, latest, lastMonths);
        }
        long last = entries.get(entries.size() - 1).id();
        repository.moveCursor(last, clock.instant());
        if (ownTransaction && rollup) {
            Map<String, GroupFactsStore.SubjectMonth> keptSubjects = subjectMonths;
            Map<SnapshotKey, KeyStates.State> after = new HashMap<>();
            extended.forEach((k, e) -> {
                MonthlyRollup.Latest l = e.latest();
                DailyFigures lastRow = written.get(new DayKey(k, l.lastDay()));
                List<MonthlyRollup.Month> months = e.months();
                MonthlyRollup.Month lastMonth = months.isEmpty() ? lastMonths.get(k) : months.get(months.size() - 1);
                StoredLayers layers = savedLayers.getOrDefault(k, storedLayers.get(k));
                if (lastRow != null && lastMonth != null && lastMonth.month().equals(l.lastMonth()) && layers != null) {
                    after.put(k, new KeyStates.State(layers, l, lastMonth, lastRow));
                }
            });
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        states.committed(last, touchedKeys, after, itemCosts, keptSubjects);
                    } else {
                        states.clear();
                    }
                }
            });
        }
        return entries.size();
    }

    public static LedgerMovement movement(LedgerEntry e, ZoneId zone) {
        return new LedgerMovement(
                e.id(),
                new SnapshotKey(e.item(), e.warehouse(), e.owner()),
                LocalDate.ofInstant(e.postedAt(), zone),
                e.qty(),
                e.unitCost(),
                LedgerMovement.isIssueType(e.type()),
                e.postedAt());
    }

    /** The agreement prices of the items, read through the consignment's API (the settlement price). */
    public static ConsignmentPrices prices(Agreements agreements, java.util.Collection<String> items) {
        return new ConsignmentPrices(agreements.priceHistory(items).stream()
                .map(p ->
                        new ConsignmentPrices.Price(p.supplier(), p.item(), p.warehouse(), p.effectiveAt(), p.price()))
                .toList());
    }

    private static <K, V> Map<K, V> only(Map<K, V> all, Set<K> keys) {
        return all.entrySet().stream()
                .filter(e -> keys.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
