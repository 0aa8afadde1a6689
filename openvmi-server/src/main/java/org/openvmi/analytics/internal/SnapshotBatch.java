package org.openvmi.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.analytics.model.ConsignmentPrices;
import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.LedgerMovement;
import org.openvmi.analytics.model.SnapshotBuilder;
import org.openvmi.analytics.model.SnapshotBuilder.DayKey;
import org.openvmi.analytics.model.SnapshotKey;
import org.openvmi.consignment.Agreements;
import org.openvmi.inventory.LedgerEntry;
import org.openvmi.inventory.LedgerFeed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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
    private final GroupFactsStore groupFacts;

    SnapshotBatch(
            LedgerFeed feed,
            Agreements agreements,
            SnapshotRepository repository,
            Clock clock,
            @Value("${openvmi.analytics.settle-lag:PT10S}") Duration settleLag,
            @Value("${openvmi.analytics.monthly-rollup:true}") boolean rollup,
            GroupFactsStore groupFacts) {
        this.rollup = rollup;
        this.groupFacts = groupFacts;
        this.feed = feed;
        this.agreements = agreements;
        this.repository = repository;
        this.clock = clock;
        this.settleLag = settleLag;
    }

    /** Processes up to {@code size} movements; answers how many. */
    @Transactional
    public int run(int size) {
        long cursor = repository.lockCursor();
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
        ZoneId zone = clock.getZone();
        List<LedgerMovement> movements =
                entries.stream().map(e -> movement(e, zone)).toList();
        Set<String> items = movements.stream().map(m -> m.key().item()).collect(Collectors.toSet());
        Set<DayKey> touchedDays = new HashSet<>();
        Set<SnapshotKey> touchedKeys = new HashSet<>();
        movements.forEach(m -> {
            touchedDays.add(new DayKey(m.key(), m.day()));
            touchedKeys.add(m.key());
        });
        Map<DayKey, DailyFigures> stored = repository.days(touchedDays);
        SnapshotBuilder builder = new SnapshotBuilder(
                repository.layers(items, null, null), repository.lastCosts(items), stored, prices(agreements, items));
        movements.forEach(builder::apply);
        Map<DayKey, DailyFigures> written = only(builder.days(), touchedDays);
        repository.save(only(builder.layers(), touchedKeys), written, only(builder.lastCost(), items));
        if (rollup) {
            // group-level facts (ADR 0079): before rollMonths, which moves the latest state past the batch
            groupFacts.update(stored, written);
            // the months from the rows before and after the batch (ADR 0058), not from the months' daily rows
            repository.rollMonths(stored, written);
        }
        repository.moveCursor(entries.get(entries.size() - 1).id(), clock.instant());
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
