package org.openvmi.analytics;

import java.time.Duration;
import org.openvmi.analytics.internal.SnapshotBatch;
import org.openvmi.shared.cluster.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps the analytics snapshots up to date with the ledger: catches up from the last processed movement id in batches,
 * every {@code openvmi.analytics.snapshot-interval} (default one minute) and on demand (before a KPI is read).
 */
@Service
public class AnalyticsSnapshots {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsSnapshots.class);

    private final SnapshotBatch batch;
    private final int batchSize;
    private final java.util.concurrent.atomic.AtomicInteger holders = new java.util.concurrent.atomic.AtomicInteger();

    private final JobLocks locks;

    AnalyticsSnapshots(
            SnapshotBatch batch, @Value("${openvmi.analytics.batch-size:5000}") int batchSize, JobLocks locks) {
        this.locks = locks;
        this.batch = batch;
        this.batchSize = batchSize;
    }

    /** Folds every settled movement into the snapshots; answers how many were processed. */
    public long catchUp() {
        long total = 0;
        int done;
        do {
            done = batch.run(batchSize);
            total += done;
        } while (done == batchSize);
        return total;
    }

    /**
     * The catch-up a read makes before it answers, skipped while a bulk job holds the catch-up: the demo seeder replays a
     * year while the server already takes logins, and a dashboard opened then folded the seeder's movements in inside
     * the request — on the embedded database that took the one writer from the seeder for over a minute, the seeder's
     * next posting gave up and the application stopped. The read answers from the snapshots as they are; what was
     * posted meanwhile is folded in by the first catch-up after the job.
     */
    public long catchUpBeforeRead() {
        return holders.get() > 0 ? 0 : catchUp();
    }

    /**
     * Runs a bulk job (the demo seeder replaying a year) without the scheduled catch-up: under load the seeding ran
     * past the first interval and each catch-up then took the embedded database's one writer from the job for seconds
     * (bench/README.md, demo seeding). What was posted meanwhile is folded in by the first scheduled run after the
     * job, or before a KPI is read ({@link #catchUp}).
     */
    public <T> T withScheduledCatchUpHeld(java.util.function.Supplier<T> work) {
        holders.incrementAndGet();
        try {
            return work.get();
        } finally {
            holders.decrementAndGet();
        }
    }

    @Scheduled(
            fixedDelayString = "${openvmi.analytics.snapshot-interval:PT1M}",
            initialDelayString = "${openvmi.analytics.snapshot-interval:PT1M}")
    void scheduledCatchUp() {
        if (holders.get() > 0) {
            return;
        }
        locks.runOnce("analytics-snapshots", Duration.ofMinutes(30), Duration.ZERO, () -> {
            long done = catchUp();
            if (done > 0) {
                log.info("Analytics snapshots: {} movement(s) folded in", done);
            }
        });
    }
}
