package org.openvmi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.OpenVmiUser;
import org.openvmi.security.Role;

/**
 * A burst of requests on one API key makes one owner read, not one per request thread (ADR 0081): while a verified
 * entry is still valid the others use it during the re-read; with no valid entry they wait for the one read; a drop
 * (revocation) during a read is never answered from that read to a request that arrived after the drop.
 */
class ApiKeyOwnersBurstTest {

    private static final Duration TTL = Duration.ofSeconds(10);
    private static final String KEY = "hash-of-the-key";
    private static final UserRepository.KeyOwner OWNER = new UserRepository.KeyOwner(
            new OpenVmiUser(7, "erp", "", "ERP", EnumSet.of(Role.WAREHOUSE), null, null, true, false), null);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();
    /** Each read blocks until this latch opens (when set). */
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();

    private final AtomicReference<Optional<UserRepository.KeyOwner>> row = new AtomicReference<>(Optional.of(OWNER));
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    private final ApiKeyOwners owners = new ApiKeyOwners(
            (hash, now) -> {
                reads.incrementAndGet();
                Optional<UserRepository.KeyOwner> read = row.get(); // the row as the read's snapshot sees it
                CountDownLatch latch = gate.get();
                if (latch != null) {
                    try {
                        latch.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
                return read;
            },
            TTL,
            clock::get);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private List<Future<Optional<UserRepository.KeyOwner>>> burst(int requests) {
        List<Future<Optional<UserRepository.KeyOwner>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(pool.submit(() -> owners.find(KEY, Instant.now())));
        }
        return answers;
    }

    private void awaitReads(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reads.get() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(reads.get()).isEqualTo(count);
    }

    @Test
    void a_burst_on_a_key_with_no_entry_makes_one_read_and_every_request_gets_its_owner() throws Exception {
        gate.set(new CountDownLatch(1));
        var answers = burst(16);
        awaitReads(1);
        Thread.sleep(100); // the others arrive and wait for that read
        gate.get().countDown();
        for (var answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).contains(OWNER);
        }
        assertThat(reads.get()).as("one read for the whole burst").isEqualTo(1);
    }

    @Test
    void near_the_end_of_its_life_one_request_re_reads_and_the_others_go_on_with_the_valid_entry() throws Exception {
        assertThat(owners.find(KEY, Instant.now())).contains(OWNER);
        assertThat(owners.find(KEY, Instant.now())).contains(OWNER);
        assertThat(reads.get()).isEqualTo(1);

        clock.addAndGet(TTL.toNanos() * 9 / 10); // still valid, in the last fifth of its life
        gate.set(new CountDownLatch(1));
        Future<Optional<UserRepository.KeyOwner>> refresher = pool.submit(() -> owners.find(KEY, Instant.now()));
        awaitReads(2);
        // the re-read is blocked: every other request answers at once from the entry, no read of its own
        for (var answer : burst(15)) {
            assertThat(answer.get(2, TimeUnit.SECONDS)).contains(OWNER);
        }
        assertThat(refresher.isDone()).isFalse();
        gate.get().countDown();
        assertThat(refresher.get(10, TimeUnit.SECONDS)).contains(OWNER);
        assertThat(reads.get()).isEqualTo(2);

        // the re-read started a new life: no read for most of another time to live
        gate.set(null);
        clock.addAndGet(TTL.toNanos() / 2);
        assertThat(owners.find(KEY, Instant.now())).contains(OWNER);
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void past_its_time_to_live_the_entry_is_not_used_and_the_burst_waits_for_one_read() throws Exception {
        owners.find(KEY, Instant.now());
        clock.addAndGet(TTL.toNanos() + 1);
        row.set(Optional.empty()); // revoked meanwhile, and no signal reached this instance
        gate.set(new CountDownLatch(1));
        var answers = burst(16);
        awaitReads(2);
        Thread.sleep(100);
        gate.get().countDown();
        for (var answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS))
                    .as("nobody is answered from the expired entry")
                    .isEmpty();
        }
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void a_request_arriving_after_a_drop_does_not_take_the_answer_of_a_read_that_began_before_it() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        gate.set(firstRead);
        Future<Optional<UserRepository.KeyOwner>> before = pool.submit(() -> owners.find(KEY, Instant.now()));
        awaitReads(1); // the read began with the key still active
        row.set(Optional.empty());
        owners.clear(); // the key is revoked on this instance: its cache_version bump
        gate.set(null);
        assertThat(owners.find(KEY, Instant.now()))
                .as("read again, not the answer of the read in flight")
                .isEmpty();
        assertThat(reads.get()).isEqualTo(2);
        assertThat(before.isDone()).isFalse();

        firstRead.countDown(); // the read that began before the drop ends with the old row ...
        assertThat(before.get(10, TimeUnit.SECONDS)).contains(OWNER);
        assertThat(owners.find(KEY, Instant.now())).as("... which is not kept").isEmpty();
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void a_failed_read_fails_the_requests_waiting_for_it_and_the_next_request_reads_again() throws Exception {
        failure.set(new IllegalStateException("database down"));
        gate.set(new CountDownLatch(1));
        var answers = burst(8);
        awaitReads(1);
        Thread.sleep(100);
        gate.get().countDown();
        for (var answer : answers) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database down");
        }
        failure.set(null);
        gate.set(null);
        assertThat(owners.find(KEY, Instant.now())).contains(OWNER);
    }

    @Test
    void an_early_re_read_that_fails_leaves_the_valid_entry_in_use_until_its_time_to_live() {
        assertThat(owners.find(KEY, Instant.now())).contains(OWNER);
        clock.addAndGet(TTL.toNanos() * 9 / 10);
        failure.set(new IllegalStateException("database down"));
        assertThat(owners.find(KEY, Instant.now()))
                .as("the early re-read failed")
                .contains(OWNER);
        assertThat(reads.get()).isEqualTo(2);
        clock.addAndGet(TTL.toNanos() / 10);
        assertThatThrownBy(() -> owners.find(KEY, Instant.now()))
                .as("past its time to live the entry is not used")
                .hasMessage("database down");
    }
}
