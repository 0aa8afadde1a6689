package org.openvmi.shared.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the embedded default a read-write transaction waits while another one is open (ADR 0016), a read-only one does
 * not, and a REQUIRES_NEW transaction inside a writer does not wait for its own outer transaction.
 */
@H2Test
class SingleWriterOnH2Test {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    WriteGate gate;

    @Autowired
    JdbcClient jdbc;

    final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void a_second_writer_waits_for_the_first_to_end_while_a_reader_goes_ahead() throws Exception {
        assertThat(transactions).isInstanceOf(SingleWriterTransactionManager.class);
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicBoolean firstOpen = new AtomicBoolean();
        AtomicBoolean secondSawFirstOpen = new AtomicBoolean(true);

        Future<?> first = pool.submit(() -> writer().executeWithoutResult(s -> {
            firstOpen.set(true);
            jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
            firstIn.countDown();
            await(releaseFirst);
            firstOpen.set(false);
        }));
        assertThat(firstIn.await(10, TimeUnit.SECONDS)).isTrue();

        Future<?> second =
                pool.submit(() -> writer().executeWithoutResult(s -> secondSawFirstOpen.set(firstOpen.get())));
        TransactionTemplate reader = new TransactionTemplate(transactions);
        reader.setReadOnly(true);
        Future<Long> read = pool.submit(() -> reader.execute(
                s -> jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()));

        assertThat(read.get(10, TimeUnit.SECONDS))
                .as("a read-only transaction runs beside the writer")
                .isNotNull();
        Thread.sleep(300);
        assertThat(second.isDone())
                .as("the second writer still waits while the first is open")
                .isFalse();

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(secondSawFirstOpen.get())
                .as("the second writer began only after the first had ended")
                .isFalse();
        assertThat(gate.stats().contended()).isPositive();
    }

    @Test
    void a_requires_new_transaction_inside_a_writer_does_not_wait_for_it() throws Exception {
        TransactionTemplate inner = writer();
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Future<Boolean> nested =
                pool.submit(() -> writer().execute(outer -> inner.execute(s -> gate.heldByCurrentThread())));
        assertThat(nested.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.heldByCurrentThread()).isFalse();
    }

    private TransactionTemplate writer() {
        return new TransactionTemplate(transactions);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
