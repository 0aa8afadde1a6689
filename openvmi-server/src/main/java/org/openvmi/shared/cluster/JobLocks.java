package org.openvmi.shared.cluster;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one instance at a time (ShedLock, a row per job in {@code shedlock}). Every instance's
 * scheduler fires; the one that takes the row runs the job, the others skip that firing. The row is held for
 * {@code atLeast} after the job ends, so a cron job firing a few seconds later on an instance whose clock is behind
 * does not run it again, and at most {@code atMost} when its instance dies while running it.
 *
 * <p>Only the scheduled entry points take it: a direct call (a test, an admin action) runs as before.
 */
@Component
public class JobLocks {

    /** For cron jobs: covers the difference between instances' clocks (architecture: 5 min assumed at most). */
    public static final Duration CRON_SKEW = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);

    private final LockingTaskExecutor executor;

    JobLocks(LockingTaskExecutor executor) {
        this.executor = executor;
    }

    /** This instance as it names itself in {@code shedlock.locked_by} and other claim columns: host and process. */
    public static String instance() {
        return ClusterConfiguration.instance();
    }

    /** Runs {@code job} when no other instance holds {@code name}; returns whether it ran here. */
    public boolean runOnce(String name, Duration atMost, Duration atLeast, Runnable job) {
        LockingTaskExecutor.TaskResult<Boolean> result = runOnceReturning(name, atMost, atLeast, () -> {
            log.debug("Job {} started on this instance", name);
            job.run();
            return Boolean.TRUE;
        });
        if (!result.wasExecuted()) {
            log.debug("Job {} skipped: another instance runs it or ran it less than {} ago", name, atLeast);
        }
        return result.wasExecuted();
    }

    private <T> LockingTaskExecutor.TaskResult<T> runOnceReturning(
            String name, Duration atMost, Duration atLeast, LockingTaskExecutor.TaskWithResult<T> job) {
        try {
            return executor.executeWithLock(job, new LockConfiguration(Instant.now(), name, atMost, atLeast));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("job " + name + " failed", e);
        }
    }
}
