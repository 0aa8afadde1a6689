import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.openvmi.transferplan.model.ItemPlan;
import org.openvmi.transferplan.model.ItemTerms;
import org.openvmi.transferplan.model.Lane;
import org.openvmi.transferplan.model.Stocking;
import org.openvmi.transferplan.model.TransferOptimiser;

/**
 * Transfer plan bench (issue 18): N items × W warehouses (default 10,000 × 10) with a full lane mesh, solved as
 * TransferPlans.create does — one min-cost flow per item, items in a parallel stream — from generated positions:
 * per item-warehouse random stock, demand, stock lines and open-line dips, so about a third of the pairs need stock
 * and a third have excess. Prints the solve time per round (3 warm-up rounds, then 5 measured), moves, purchases.
 * Run: bench/run-transfer-plan-bench.sh [items] [warehouses]
 */
public class TransferPlanBench {

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warehouses = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Random random = new Random(7);
        Map<Long, Map<Long, Lane>> lanes = new HashMap<>();
        for (long f = 1; f <= warehouses; f++) {
            for (long t = 1; t <= warehouses; t++) {
                if (f != t) {
                    lanes.computeIfAbsent(f, k -> new HashMap<>()).put(t, new Lane(f, t,
                            BigDecimal.valueOf(10 + random.nextInt(200), 2), 1 + random.nextInt(5)));
                }
            }
        }
        List<ItemTerms> terms = new ArrayList<>();
        List<List<Stocking>> stockings = new ArrayList<>();
        for (long i = 1; i <= items; i++) {
            int pack = new int[] {1, 5, 10, 12, 24}[random.nextInt(5)];
            terms.add(new ItemTerms(i, BigDecimal.valueOf(pack), BigDecimal.valueOf(100 + random.nextInt(5000), 2),
                    3 + random.nextInt(25)));
            List<Stocking> list = new ArrayList<>();
            for (long w = 1; w <= warehouses; w++) {
                int demand = random.nextInt(20);
                int safety = demand * 5 + random.nextInt(20);
                int warning = safety + demand * 7;
                int max = warning + demand * 20 + 50;
                int onHand = random.nextInt(3 * max + 1);
                int dip = random.nextInt(Math.max(1, onHand / 4 + 1));
                BigDecimal now = BigDecimal.valueOf(onHand);
                list.add(new Stocking(i, w, now, BigDecimal.valueOf(onHand - dip), now,
                        random.nextInt(10) == 0 ? null : BigDecimal.valueOf(demand),
                        BigDecimal.valueOf(safety), BigDecimal.valueOf(warning), BigDecimal.valueOf(max)));
            }
            stockings.add(list);
        }
        TransferOptimiser optimiser = new TransferOptimiser();
        System.out.printf("transfer plan: %,d items × %d warehouses (%,d item-warehouses), %d lanes, %d cores%n",
                items, warehouses, items * warehouses, warehouses * (warehouses - 1),
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= 8; round++) {
            long t = System.nanoTime();
            List<Integer> index = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                index.add(i);
            }
            List<ItemPlan> plans = index.parallelStream().map(i -> optimiser.plan(terms.get(i), stockings.get(i),
                    (f, to) -> lanes.getOrDefault(f, Map.of()).get(to), 60)).toList();
            long ms = (System.nanoTime() - t) / 1_000_000;
            int moves = plans.stream().mapToInt(p -> p.moves().size()).sum();
            int purchases = plans.stream().mapToInt(p -> p.purchases().size()).sum();
            System.out.printf("%s round %d: %,d ms, %,d moves, %,d purchases%n", round <= 3 ? "warm-up" : "measured",
                    round, ms, moves, purchases);
        }
    }
}
