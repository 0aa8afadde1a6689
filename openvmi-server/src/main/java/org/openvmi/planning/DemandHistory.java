package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openvmi.planning.internal.DemandAggregator;
import org.openvmi.planning.internal.DemandHistoryRepository;
import org.openvmi.shared.cluster.JobLocks;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily demand per item and warehouse: sales imports recorded here, plus ISSUE and CONSUME movements of the ledger
 * aggregated by day (nightly, and before every planning run), with stockout days marked.
 */
@Service
public class DemandHistory {

    private final DemandHistoryRepository repository;
    private final DemandAggregator aggregator;
    private final java.time.Clock clock;
    private final JobLocks locks;

    DemandHistory(
            DemandHistoryRepository repository, DemandAggregator aggregator, java.time.Clock clock, JobLocks locks) {
        this.locks = locks;
        this.repository = repository;
        this.aggregator = aggregator;
        this.clock = clock;
    }

    /**
     * Brings the ledger part of the history up to the given complete day (recomputing the last processed day again);
     * returns the number of (item, warehouse, day) rows with ledger demand and with a stockout mark in the days
     * processed. Running it again counts nothing twice.
     */
    public int[] aggregateThrough(LocalDate through) {
        DemandAggregator.Result r = aggregator.aggregateThrough(through);
        return new int[] {r.demandDays(), r.stockoutDays()};
    }

    /**
     * Recomputes the ledger part from {@code since} through {@code through} even when an earlier aggregation already
     * went past {@code since}: for movements posted back-dated (the demo year, ADR 0032), which a run in between would
     * otherwise leave out. Returns the same figures as {@link #aggregateThrough(LocalDate)}.
     */
    public int[] aggregateSince(LocalDate since, LocalDate through) {
        DemandAggregator.Result r = aggregator.aggregateSince(since, through);
        return new int[] {r.demandDays(), r.stockoutDays()};
    }

    /**
     * Nightly: aggregates the ledger through yesterday ({@code openvmi.planning.demand-cron}), on one instance (ADR
     * 0064).
     */
    @Scheduled(cron = "${openvmi.planning.demand-cron:0 15 0 * * *}")
    void nightly() {
        locks.runOnce(
                "planning-demand-history",
                Duration.ofHours(2),
                JobLocks.CRON_SKEW,
                () -> aggregator.aggregateThrough(LocalDate.now(clock).minusDays(1)));
    }

    /** Adds demand for days not recorded yet (a bulk load); a day recorded twice is refused by the key. */
    @Transactional
    public void record(List<DemandRecord> records) {
        repository.insertBatch(records);
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /** Demand per day (days without demand absent) of one item at one warehouse. */
    @Transactional(readOnly = true)
    public Map<LocalDate, BigDecimal> daily(long itemId, long warehouseId, LocalDate from, LocalDate to) {
        return repository.daily(itemId, warehouseId, from, to);
    }

    /**
     * Average demand per day from {@code from} through {@code to} of every item × warehouse with demand recorded in
     * those days (days without demand count as zero); pairs without any are absent.
     */
    @Transactional(readOnly = true)
    public Map<org.openvmi.inventory.ItemWarehouse, BigDecimal> averageDaily(LocalDate from, LocalDate to) {
        return repository.averageDaily(from, to);
    }
}
