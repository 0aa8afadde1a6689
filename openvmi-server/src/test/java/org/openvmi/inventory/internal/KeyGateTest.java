package org.openvmi.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.model.StockKey;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The JVM queue of one stock key's postings (ADR 0092): who waits for whom, and who never waits. */
class KeyGateTest {

    private final KeyGate gate = new KeyGate("transaction", 256, Duration.ofSeconds(10));

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    private static MovementRequest line(String item, String location, String owner, String lot) {
        return new MovementRequest("ISSUE", item, location, owner, lot, BigDecimal.ONE, null, null, null);
    }

    /** Runs a posting in another thread that holds the gate until released; returns once it is inside. */
    private CompletableFuture<Void> holding(List<MovementRequest> lines, CountDownLatch release) throws Exception {
        return holding(gate, lines, release);
    }

    private static CompletableFuture<Void> holding(KeyGate gate, List<MovementRequest> lines, CountDownLatch release)
            throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> gate.around(lines, () -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    /** Whether a posting of these lines starts within 300 ms while the other one is inside. */
    private boolean startsAtOnce(List<MovementRequest> lines) throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> gate.around(lines, () -> {
            ran.set(true);
            return null;
        }));
        try {
            second.get(300, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // still waiting
        }
        boolean atOnce = ran.get();
        second.orTimeout(15, TimeUnit.SECONDS);
        pending = second;
        return atOnce;
    }

    private CompletableFuture<Void> pending;

    @Test
    void a_posting_of_the_same_stock_key_waits_until_the_first_has_committed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holding(List.of(line("A-1", "WH1-A", null, null)), release);
        // the same key spelt as the resolver reads it: trimmed, owner OWN and lot '' by default
        assertThat(startsAtOnce(List.of(line(" A-1 ", "WH1-A", "OWN", "")))).isFalse();
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        pending.get(5, TimeUnit.SECONDS);
    }

    @Test
    void postings_of_other_keys_and_of_several_keys_do_not_wait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holding(List.of(line("A-1", "WH1-A", null, null)), release);
        assertThat(startsAtOnce(List.of(line("A-1", "WH1-A", "SUP-1", null)))).isTrue();
        assertThat(startsAtOnce(List.of(line("A-1", "WH1-A", null, "LOT-7")))).isTrue();
        // a batch never queues for its keys here (it would wait for every key's queue), the database orders it
        assertThat(startsAtOnce(List.of(line("A-1", "WH1-A", null, null), line("B-2", "WH1-A", null, null))))
                .isTrue();
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_posting_inside_a_callers_transaction_is_never_held() throws Exception {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThat(gate.lockOf(List.of(line("A-1", "WH1-A", null, null)))).isNull();
        TransactionSynchronizationManager.setActualTransactionActive(false);
        assertThat(gate.lockOf(List.of(line("A-1", "WH1-A", null, null)))).isNotNull();
    }

    @Test
    void a_posting_that_waited_past_the_bound_goes_on_without_the_gate() throws Exception {
        KeyGate shortWait = new KeyGate("transaction", 256, Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        List<MovementRequest> lines = List.of(line("A-1", "WH1-A", null, null));
        CompletableFuture<Void> first = holding(shortWait, lines, release);
        assertThat(shortWait.around(lines, () -> "posted")).isEqualTo("posted");
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    @Test
    void in_balance_mode_the_key_is_held_from_the_balance_change_to_the_end_of_the_transaction() throws Exception {
        KeyGate atBalance = new KeyGate("balance", 256, Duration.ofSeconds(10));
        StockKey key = new StockKey(1L, 2L, StockKey.OWN, "");
        TransactionSynchronizationManager.initSynchronization();
        try {
            atBalance.beforeBalances(List.of(key, key));
            assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);
            // another thread's posting of the key waits; of another key it does not
            assertThat(CompletableFuture.supplyAsync(() -> {
                                TransactionSynchronizationManager.initSynchronization();
                                try {
                                    atBalance.beforeBalances(List.of(new StockKey(1L, 3L, StockKey.OWN, "")));
                                    return TransactionSynchronizationManager.getSynchronizations()
                                            .size();
                                } finally {
                                    TransactionSynchronizationManager.clearSynchronization();
                                }
                            })
                            .get(5, TimeUnit.SECONDS))
                    .isEqualTo(1);
            CompletableFuture<Void> same = CompletableFuture.runAsync(() -> {
                TransactionSynchronizationManager.initSynchronization();
                try {
                    atBalance.beforeBalances(List.of(key));
                    TransactionSynchronizationManager.getSynchronizations()
                            .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
                } finally {
                    TransactionSynchronizationManager.clearSynchronization();
                }
            });
            Thread.sleep(300);
            assertThat(same).isNotDone();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            same.get(5, TimeUnit.SECONDS);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        // the default mode does nothing here: the posting waited before its transaction
        TransactionSynchronizationManager.initSynchronization();
        try {
            gate.beforeBalances(List.of(key));
            assertThat(TransactionSynchronizationManager.getSynchronizations()).isEmpty();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void no_stripes_turn_the_gate_off() {
        assertThat(new KeyGate("transaction", 0, Duration.ofSeconds(1))
                        .lockOf(List.of(line("A-1", "WH1-A", null, null))))
                .isNull();
    }
}
