package org.openvmi.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.openvmi.inventory.ItemWarehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waiting re-plan pairs: noted once however often (also by four instances noting overlapping batches at once, ADR
 * 0072), and two instances taking at once each get a pair at most once. Run on H2 and PostgreSQL.
 */
abstract class ReplanQueueContract {

    @Autowired
    ReplanQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_pair_is_noted_once_and_two_takers_share_the_waiting_pairs_without_overlap() throws Exception {
        jdbc.sql("DELETE FROM planning_replan_pending").update();
        List<ItemWarehouse> pairs = LongStream.rangeClosed(1, 200)
                .mapToObj(i -> new ItemWarehouse(900_000 + i, 7))
                .toList();
        queue.note(pairs, Instant.now());
        queue.note(pairs.subList(0, 10), Instant.now());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_replan_pending")
                        .query(Long.class)
                        .single())
                .isEqualTo(200);

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Set<ItemWarehouse>>> taken = two.invokeAll(List.of(
                    () -> {
                        start.await();
                        return queue.take();
                    },
                    () -> {
                        start.await();
                        return queue.take();
                    }));
            Set<ItemWarehouse> first = taken.get(0).get();
            Set<ItemWarehouse> second = taken.get(1).get();
            Set<ItemWarehouse> overlap = new HashSet<>(first);
            overlap.retainAll(second);
            assertThat(overlap).isEmpty();
            Set<ItemWarehouse> all = new HashSet<>(first);
            all.addAll(second);
            assertThat(all).containsExactlyInAnyOrderElementsOf(pairs);
            assertThat(queue.isEmpty()).isTrue();
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void four_instances_noting_overlapping_batches_at_once_leave_each_pair_once_and_lose_none() throws Exception {
        jdbc.sql("DELETE FROM planning_replan_pending").update();
        List<ItemWarehouse> pairs = LongStream.rangeClosed(1, 600)
                .mapToObj(i -> new ItemWarehouse(800_000 + i, 3))
                .toList();
        CyclicBarrier start = new CyclicBarrier(4);
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<Void>> noters = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                // each notes 300 pairs in order, overlapping its neighbours by 100
                List<ItemWarehouse> mine = pairs.subList(t * 100, t * 100 + 300);
                noters.add(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        queue.note(mine, Instant.now());
                    }
                    return null;
                });
            }
            for (Future<Void> f : four.invokeAll(noters)) {
                f.get(); // no duplicate-key or deadlock error reached a noter
            }
        } finally {
            four.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_replan_pending")
                        .query(Long.class)
                        .single())
                .isEqualTo(600);
        assertThat(queue.take()).containsExactlyInAnyOrderElementsOf(pairs);
    }
}
