package org.openvmi.channels.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static AllocationRule rule(long id, int priority, Set<Long> pool, String pct, String quota, String buffer) {
        return new AllocationRule(
                id,
                "C" + id,
                priority,
                pool,
                pct == null ? null : new BigDecimal(pct),
                quota == null ? null : new BigDecimal(quota),
                buffer == null ? null : new BigDecimal(buffer),
                null);
    }

    @Test
    void ring_fenced_channels_get_their_share_and_the_open_channel_the_rest() {
        var a = Allocation.compute(
                List.of(
                        rule(1, 1, Set.of(10L), null, null, null),
                        rule(2, 2, Set.of(10L), "30", null, null),
                        rule(3, 3, Set.of(10L), null, "2", null)),
                Map.of(10L, BigDecimal.TEN),
                Map.of(),
                Set.of());
        assertThat(a.of(1).total()).isEqualByComparingTo("5");
        assertThat(a.of(2).total()).isEqualByComparingTo("3");
        assertThat(a.of(3).total()).isEqualByComparingTo("2");
    }

    @Test
    void what_a_channel_holds_counts_against_its_share_and_a_paused_channel_gives_its_share_to_the_open_ones() {
        // 10 on hand, the 30 % channel holds 2 of its 3: free 8, it may sell 1 more
        var a = Allocation.compute(
                List.of(rule(1, 1, Set.of(10L), null, null, null), rule(2, 2, Set.of(10L), "30", null, null)),
                Map.of(10L, new BigDecimal("8")),
                Map.of(2L, Map.of(10L, new BigDecimal("2"))),
                Set.of());
        assertThat(a.of(2).total()).isEqualByComparingTo("1");
        assertThat(a.of(1).total()).isEqualByComparingTo("7");
        var paused = Allocation.compute(
                List.of(rule(1, 1, Set.of(10L), null, null, null), rule(2, 2, Set.of(10L), "30", null, null)),
                Map.of(10L, new BigDecimal("8")),
                Map.of(2L, Map.of(10L, new BigDecimal("2"))),
                Set.of(2L));
        assertThat(paused.of(2).total()).isZero();
        assertThat(paused.of(1).total()).isEqualByComparingTo("8");
    }

    @Test
    void a_safety_buffer_keeps_units_back_from_a_channel() {
        var a = Allocation.compute(
                List.of(rule(1, 1, Set.of(10L), null, null, "3")), Map.of(10L, BigDecimal.TEN), Map.of(), Set.of());
        assertThat(a.of(1).total()).isEqualByComparingTo("7");
    }

    @Test
    void on_random_pools_rules_and_stock_no_unit_is_ever_promised_twice() {
        Random random = new Random(18);
        for (int round = 0; round < 2000; round++) {
            List<AllocationRule> rules = new ArrayList<>();
            int channels = 1 + random.nextInt(5);
            for (int c = 0; c < channels; c++) {
                Set<Long> pool = new HashSet<>();
                for (long w = 1; w <= 3; w++) {
                    if (random.nextBoolean()) {
                        pool.add(w);
                    }
                }
                int kind = random.nextInt(3);
                rules.add(rule(
                        c,
                        1 + random.nextInt(3),
                        pool,
                        kind == 1 ? String.valueOf(random.nextInt(101)) : null,
                        kind == 2 ? String.valueOf(random.nextInt(20)) : null,
                        String.valueOf(random.nextInt(4))));
            }
            Map<Long, BigDecimal> free = new HashMap<>();
            for (long w = 1; w <= 3; w++) {
                free.put(w, BigDecimal.valueOf(random.nextInt(30)));
            }
            Map<Long, Map<Long, BigDecimal>> held = new HashMap<>();
            held.put(0L, Map.of(1L, BigDecimal.valueOf(random.nextInt(5))));
            Set<Long> paused = random.nextBoolean() ? Set.of(1L) : Set.of();
            Allocation a = Allocation.compute(rules, free, held, paused);
            for (long w = 1; w <= 3; w++) {
                BigDecimal promised = BigDecimal.ZERO;
                for (AllocationRule r : rules) {
                    BigDecimal share = a.of(r.channelId()).byWarehouse().getOrDefault(w, BigDecimal.ZERO);
                    assertThat(share.signum()).isGreaterThanOrEqualTo(0);
                    if (!r.pool().contains(w)) {
                        assertThat(share).isZero();
                    }
                    promised = promised.add(share);
                }
                assertThat(promised).isLessThanOrEqualTo(free.get(w));
            }
            for (AllocationRule r : rules) {
                if (paused.contains(r.channelId())) {
                    assertThat(a.of(r.channelId()).total()).isZero();
                }
            }
        }
    }
}
