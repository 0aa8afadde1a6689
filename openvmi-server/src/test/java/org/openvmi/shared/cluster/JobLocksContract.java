package org.openvmi.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** ShedLock through JobLocks on the shedlock table (ADR 0064): one holder at a time, held at least as asked. */
abstract class JobLocksContract {

    @Autowired
    JobLocks locks;

    @Test
    void a_job_held_by_one_runner_is_skipped_by_another_and_runs_again_once_released() throws Exception {
        String name = Fixtures.unique("job");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> holder =
                    other.submit(() -> locks.runOnce(name, Duration.ofMinutes(1), Duration.ZERO, () -> {
                        runs.incrementAndGet();
                        started.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(locks.runOnce(name, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet))
                    .as("while the other runner holds it")
                    .isFalse();
            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(locks.runOnce(name, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet))
                    .as("once released")
                    .isTrue();
            assertThat(runs).hasValue(2);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void a_cron_job_is_not_run_again_within_its_minimum_hold() {
        String name = Fixtures.unique("cron");
        AtomicInteger runs = new AtomicInteger();
        assertThat(locks.runOnce(name, Duration.ofMinutes(5), JobLocks.CRON_SKEW, runs::incrementAndGet))
                .isTrue();
        assertThat(locks.runOnce(name, Duration.ofMinutes(5), JobLocks.CRON_SKEW, runs::incrementAndGet))
                .as("a second instance firing the same cron a moment later")
                .isFalse();
        assertThat(runs).hasValue(1);
    }
}
