package org.openvmi.transferplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The optimiser on constructed cases whose optimum is known by hand (or by trying every split). */
class TransferOptimiserTest {

    private static final long ITEM = 1;
    private final TransferOptimiser optimiser = new TransferOptimiser();
    private final Map<String, Lane> lanes = new HashMap<>();

    private void lane(long from, long to, String cost) {
        lanes.put(from + ">" + to, new Lane(from, to, new BigDecimal(cost), 2));
    }

    private TransferOptimiser.Lanes lanes() {
        return (from, to) -> lanes.get(from + ">" + to);
    }

    /** A warehouse with stock lines safety/warning/max, no demand and no open lines: available = on hand. */
    private static Stocking at(long warehouse, int onHand, int safety, int warning, int max) {
        BigDecimal q = BigDecimal.valueOf(onHand);
        return new Stocking(
                ITEM,
                warehouse,
                q,
                q,
                q,
                null,
                BigDecimal.valueOf(safety),
                BigDecimal.valueOf(warning),
                BigDecimal.valueOf(max));
    }

    private static ItemTerms terms(String pack, String price) {
        return new ItemTerms(ITEM, new BigDecimal(pack), price == null ? null : new BigDecimal(price), 7);
    }

    private ItemPlan plan(ItemTerms terms, Stocking... stockings) {
        return optimiser.plan(terms, List.of(stockings), lanes(), 60);
    }

    @Test
    void a_lane_slower_than_buying_new_is_left_out_and_the_purchase_names_it() {
        lanes.put("2>1", new Lane(2, 1, new BigDecimal("0.10"), 9)); // cheap, but 9 days against a lead time of 7
        lanes.put("3>1", new Lane(3, 1, new BigDecimal("1.00"), 7)); // as fast as buying: still used
        ItemPlan plan = plan(terms("1", "10"), at(1, 0, 10, 30, 50), at(2, 200, 10, 20, 50), at(3, 60, 10, 20, 50));
        assertThat(plan.moves()).singleElement().satisfies(m -> {
            assertThat(m.fromWarehouseId()).isEqualTo(3);
            assertThat(m.qty()).isEqualByComparingTo("10"); // all warehouse 3 has above its max
        });
        assertThat(plan.purchases()).singleElement().satisfies(p -> {
            assertThat(p.qty()).isEqualByComparingTo("20");
            assertThat(p.slowLaneDays()).isEqualTo(9);
        });
        assertThat(TransferOptimiser.slowerThanBuying(lanes.get("2>1"), terms("1", "10")))
                .isTrue();
        assertThat(TransferOptimiser.slowerThanBuying(lanes.get("3>1"), terms("1", "10")))
                .isFalse();
    }

    @Test
    void an_item_nobody_sells_still_moves_over_a_slow_lane() {
        lanes.put("2>1", new Lane(2, 1, new BigDecimal("0.10"), 30));
        ItemPlan plan = plan(terms("1", null), at(1, 0, 10, 20, 50), at(2, 200, 10, 20, 50));
        assertThat(plan.moves())
                .singleElement()
                .satisfies(m -> assertThat(m.qty()).isEqualByComparingTo("20"));
        assertThat(plan.purchases()).isEmpty();
    }

    @Test
    void the_cheapest_lane_is_chosen() {
        lane(2, 1, "2.00");
        lane(3, 1, "0.50");
        ItemPlan plan = plan(terms("1", "10"), at(1, 0, 10, 20, 50), at(2, 200, 10, 20, 50), at(3, 200, 10, 20, 50));
        assertThat(plan.moves()).singleElement().satisfies(m -> {
            assertThat(m.fromWarehouseId()).isEqualTo(3);
            assertThat(m.qty()).isEqualByComparingTo("20");
            assertThat(m.transferCost()).isEqualByComparingTo("10.00");
            assertThat(m.purchaseCost()).isEqualByComparingTo("200");
            assertThat(m.need()).isEqualTo(NeedReason.BELOW_SAFETY_IN_LEAD_TIME);
            assertThat(m.excess()).isEqualTo(ExcessReason.ABOVE_MAX);
        });
        assertThat(plan.purchases()).isEmpty();
    }

    @Test
    void a_need_larger_than_the_cheapest_source_is_split_across_sources() {
        lane(2, 1, "1");
        lane(3, 1, "3");
        // need 100 (warning 100, nothing there); 2 gives 60 above its max, 3 gives 70
        ItemPlan plan = plan(terms("1", "10"), at(1, 0, 50, 100, 300), at(2, 110, 0, 10, 50), at(3, 120, 0, 10, 50));
        assertThat(plan.moves())
                .extracting(ItemPlan.Move::fromWarehouseId, m -> m.qty().intValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, 60), org.assertj.core.groups.Tuple.tuple(3L, 40));
        assertThat(plan.purchases()).isEmpty();
    }

    @Test
    void a_source_is_never_pushed_below_its_own_safety() {
        lane(2, 1, "1");
        // 2 holds 100 over a max of 50, but its safety is 80: only 20 may leave; the rest of the need is bought
        ItemPlan plan = plan(terms("1", "10"), at(1, 0, 50, 100, 300), at(2, 100, 80, 80, 50));
        assertThat(plan.moves())
                .singleElement()
                .satisfies(m -> assertThat(m.qty()).isEqualByComparingTo("20"));
        assertThat(plan.purchases()).singleElement().satisfies(p -> {
            assertThat(p.qty()).isEqualByComparingTo("80");
            assertThat(p.purchaseCost()).isEqualByComparingTo("800");
        });
    }

    @Test
    void whole_packs_move_the_need_rounded_up_and_the_excess_rounded_down() {
        lane(2, 1, "1");
        lane(3, 1, "2");
        // pack 12: need 30 → 3 packs; source 2 has 30 spare → 2 packs (24), source 3 the third pack
        ItemPlan plan = plan(terms("12", "10"), at(1, 0, 30, 30, 100), at(2, 80, 0, 10, 50), at(3, 200, 0, 10, 50));
        assertThat(plan.moves())
                .extracting(
                        ItemPlan.Move::fromWarehouseId,
                        ItemPlan.Move::packs,
                        m -> m.qty().intValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, 2, 24), org.assertj.core.groups.Tuple.tuple(3L, 1, 12));
        for (ItemPlan.Move m : plan.moves()) {
            assertThat(m.qty().remainder(new BigDecimal("12"))).isEqualByComparingTo("0");
        }
    }

    @Test
    void buying_new_wins_when_the_lane_costs_more_than_the_purchase() {
        lane(2, 1, "12");
        ItemPlan plan = plan(terms("1", "10"), at(1, 0, 10, 20, 50), at(2, 200, 10, 20, 50));
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.purchases())
                .singleElement()
                .satisfies(p -> assertThat(p.purchaseCost()).isEqualByComparingTo("200"));
    }

    @Test
    void without_a_lane_nothing_moves_and_an_item_nobody_sells_is_left_uncovered() {
        ItemPlan plan = plan(terms("1", null), at(1, 0, 10, 20, 50), at(2, 200, 10, 20, 50));
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.purchases())
                .singleElement()
                .satisfies(p -> assertThat(p.purchaseCost()).isNull());
    }

    @Test
    void demand_over_the_lead_time_makes_a_need_and_days_of_cover_make_an_excess() {
        lane(2, 1, "1");
        // 1: 100 on hand, 20 a day, lead time 7 → expected −40, below safety 10 → need 60 (up to warning 20)
        Stocking short1 = new Stocking(
                ITEM,
                1,
                new BigDecimal("100"),
                new BigDecimal("100"),
                new BigDecimal("100"),
                new BigDecimal("20"),
                new BigDecimal("10"),
                new BigDecimal("20"),
                new BigDecimal("500"));
        // 2: 1000 on hand, 1 a day, no stock lines: 1000 days of cover; keeps 60 days → gives 1000 − 7 − 60 = 933
        Stocking long2 = new Stocking(
                ITEM,
                2,
                new BigDecimal("1000"),
                new BigDecimal("1000"),
                new BigDecimal("1000"),
                BigDecimal.ONE,
                null,
                null,
                null);
        ItemPlan plan = optimiser.plan(terms("1", "10"), List.of(short1, long2), lanes(), 60);
        assertThat(plan.moves()).singleElement().satisfies(m -> {
            assertThat(m.qty()).isEqualByComparingTo("60");
            assertThat(m.excess()).isEqualTo(ExcessReason.COVER_ABOVE_THRESHOLD);
        });
        assertThat(Balance.excess(long2, 7, 60).qty()).isEqualByComparingTo("933");
    }

    @Test
    void on_random_small_cases_the_cost_equals_the_best_split_found_by_trying_every_one() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            lanes.clear();
            int price = 5 + random.nextInt(10);
            List<Stocking> stockings = new ArrayList<>();
            int need = 1 + random.nextInt(30);
            stockings.add(at(1, 0, need, need, 100));
            int[] offers = new int[3];
            int[] costs = new int[3];
            for (int w = 0; w < 3; w++) {
                offers[w] = random.nextInt(25);
                costs[w] = 1 + random.nextInt(15);
                stockings.add(at(w + 2, 50 + offers[w], 0, 10, 50));
                if (random.nextInt(5) > 0) {
                    lane(w + 2, 1, String.valueOf(costs[w]));
                } else {
                    costs[w] = Integer.MAX_VALUE / 4;
                }
            }
            ItemPlan plan = optimiser.plan(terms("1", String.valueOf(price)), stockings, lanes(), 60);
            BigDecimal cost = plan.moves().stream()
                    .map(ItemPlan.Move::transferCost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(plan.purchases().stream()
                            .map(ItemPlan.Purchase::purchaseCost)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
            long best = Long.MAX_VALUE;
            for (int a = 0; a <= Math.min(offers[0], need); a++) {
                for (int b = 0; a + b <= need && b <= offers[1]; b++) {
                    for (int c = 0; a + b + c <= need && c <= offers[2]; c++) {
                        long total = (long) a * costs[0]
                                + (long) b * costs[1]
                                + (long) c * costs[2]
                                + (long) (need - a - b - c) * price;
                        best = Math.min(best, total);
                    }
                }
            }
            assertThat(cost.longValueExact()).as("round %d", round).isEqualTo(best);
        }
    }
}
