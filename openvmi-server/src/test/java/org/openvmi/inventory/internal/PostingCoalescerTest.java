package org.openvmi.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingResult;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lanes of the coalescing gate (ADR 0098) without a database: who leads, who waits, who goes on alone. A group of
 * one runs through the posting's own path ({@code alone}); groups of several are the contract tests' (H2, PostgreSQL).
 */
class PostingCoalescerTest {

    private static MovementRequest line(String item, String location) {
        return new MovementRequest("ISSUE", item, location, null, null, BigDecimal.ONE, null, null, null);
    }

    private static PostingCoalescer coalescer(String mode, Duration wait) {
        // no engine, resolver or transactions: nothing here forms a group of two
        return new PostingCoalescer(new KeyGate(mode, 256, wait), null, null, null, 256, 32);
    }

    private static PostingResult result(long id) {
        return new PostingResult(id, List.of());
    }

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void a_posting_alone_on_its_key_runs_its_own_path_in_its_own_thread_and_keeps_its_failure() {
        PostingCoalescer c = coalescer("coalesce", Duration.ofSeconds(2));
        Thread caller = Thread.currentThread();
        assertThat(c.post(List.of(line("A-1", "WH1-A")), null, null, () -> {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    return result(7);
                }))
                .isEqualTo(result(7));
        assertThatThrownBy(() -> c.post(List.of(line("A-1", "WH1-A")), null, null, () -> {
                    throw new IllegalStateException("refused");
                }))
                .hasMessage("refused");
        // the lane is free again after a failure
        assertThat(c.post(List.of(line("A-1", "WH1-A")), null, null, () -> result(8)))
                .isEqualTo(result(8));
        assertThat(c.stats().groups()).isZero();
    }

    @Test
    void other_modes_several_keys_and_a_callers_transaction_never_queue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PostingCoalescer off = coalescer("transaction", Duration.ofSeconds(10));
        PostingCoalescer on = coalescer("coalesce", Duration.ofSeconds(10));
        CompletableFuture<PostingResult> holder = holdingLane(on, release);
        AtomicInteger ran = new AtomicInteger();
        // a batch of two keys, another mode, a posting inside a transaction: straight through, while the lane is held
        assertThat(on.post(List.of(line("A-1", "WH1-A"), line("B-2", "WH1-A")), null, null, () -> {
                    ran.incrementAndGet();
                    return result(1);
                }))
                .isEqualTo(result(1));
        assertThat(off.post(List.of(line("A-1", "WH1-A")), null, null, () -> {
                    ran.incrementAndGet();
                    return result(2);
                }))
                .isEqualTo(result(2));
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThat(on.post(List.of(line("A-1", "WH1-A")), null, null, () -> {
                    ran.incrementAndGet();
                    return result(3);
                }))
                .isEqualTo(result(3));
        TransactionSynchronizationManager.setActualTransactionActive(false);
        assertThat(ran).hasValue(3);
        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo(result(0));
    }

    @Test
    void a_waiter_past_the_bound_leaves_the_queue_and_posts_on_its_own() throws Exception {
        PostingCoalescer c = coalescer("coalesce", Duration.ofMillis(100));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<PostingResult> holder = holdingLane(c, release);
        long started = System.nanoTime();
        assertThat(c.post(List.of(line("A-1", "WH1-A")), null, null, () -> result(2)))
                .isEqualTo(result(2));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo(result(0));
        // the one that left is not run again by the lane: the next posting leads at once
        assertThat(c.post(List.of(line("A-1", "WH1-A")), null, null, () -> result(3)))
                .isEqualTo(result(3));
    }

    @Test
    void a_waiter_of_the_same_key_waits_for_the_leader_and_then_leads_itself() throws Exception {
        PostingCoalescer c = coalescer("coalesce", Duration.ofSeconds(10));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<PostingResult> holder = holdingLane(c, release);
        AtomicInteger ranBy = new AtomicInteger();
        CompletableFuture<PostingResult> waiter =
                CompletableFuture.supplyAsync(() -> c.post(List.of(line(" A-1 ", "WH1-A")), null, null, () -> {
                    ranBy.incrementAndGet();
                    return result(5);
                }));
        Thread.sleep(300);
        assertThat(waiter).as("queued behind the leader of its key").isNotDone();
        // a posting of another key in another lane is not held
        assertThat(c.post(List.of(line("Z-9", "WH1-B")), null, null, () -> result(6)))
                .isEqualTo(result(6));
        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo(result(0));
        // handed the lane, it was a group of one: its own path, once
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(result(5));
        assertThat(ranBy).hasValue(1);
    }

    /** A posting of A-1@WH1-A that holds its lane (its own path blocks) until released; returns once it is inside. */
    private static CompletableFuture<PostingResult> holdingLane(PostingCoalescer c, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<PostingResult> holder =
                CompletableFuture.supplyAsync(() -> c.post(List.of(line("A-1", "WH1-A")), null, null, () -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return result(0);
                }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return holder;
    }
}
