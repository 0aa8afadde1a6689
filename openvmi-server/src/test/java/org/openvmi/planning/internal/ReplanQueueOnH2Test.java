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
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Waiting re-plan pairs: noted once however often, and two instances taking at once each get a pair at most once. */
@H2Test
class ReplanQueueOnH2Test {

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
}
