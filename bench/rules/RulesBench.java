import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openvmi.rules.model.Action;
import org.openvmi.rules.model.Evaluation;
import org.openvmi.rules.model.Facts;
import org.openvmi.rules.model.Outlook;
import org.openvmi.rules.model.RuleDefinition;
import org.openvmi.rules.model.RuleScope;
import org.openvmi.rules.model.Templates;
import org.openvmi.rules.model.Trigger;

/**
 * Issue 17's speed goal for the rules engine: 10 rules over 100,000 item × warehouses evaluated in under 5 s on
 * 2 cores. Generates the subjects' facts (items × warehouses, random stock, demand, lines, outlook; seed fixed) and
 * evaluates ten rules — the four templates and six more of the kinds people write — over all of them the way a cron
 * tick does (RuleEngine.runDue: the facts read once, each rule compiled once and evaluated over every subject, its
 * purchase quantities computed for the subjects that fire). Reading the facts from the database is not part of it
 * (see bench/README.md). Arguments: [items] [warehouses] [rounds], default 10000 10 5.
 */
public class RulesBench {

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warehouses = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Facts> subjects = subjects(items, warehouses, new Random(20261209));
        List<RuleDefinition> rules = rules();
        System.out.printf(
                "%,d subjects (%,d items × %d warehouses), %d rules, %d processors%n",
                subjects.size(), items, warehouses, rules.size(), Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < rounds + 2; round++) {
            long t0 = System.nanoTime();
            long cpu0 = cpu();
            int fired = 0;
            Evaluation.Values values = new Evaluation.Values(); // one per tick, as RuleEngine.runDue
            StringBuilder per = new StringBuilder();
            for (RuleDefinition rule : rules) {
                long r0 = System.nanoTime();
                Evaluation.Outcome out = Evaluation.run(rule, subjects, 600_000, System::currentTimeMillis, values);
                if (out.failed()) {
                    throw new IllegalStateException(rule.name() + ": " + out.error());
                }
                fired += out.hits().size();
                per.append(String.format(" %s %d ms;", rule.name(), (System.nanoTime() - r0) / 1_000_000));
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpuMs = (cpu() - cpu0) / 1_000_000;
            System.out.printf(
                    "%s round %d: %,d ms wall, %,d ms CPU (all threads of the JVM) for %,d rule × subject evaluations,"
                            + " %,d fired%s%n",
                    round < 2 ? "warm-up" : "measured", round, ms, cpuMs, (long) subjects.size() * rules.size(), fired,
                    round == rounds + 1 ? " —" + per : "");
        }
    }

    /** CPU time of the whole JVM so far (ns): on a shared machine the wall time says more about the neighbours. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static List<Facts> subjects(int items, int warehouses, Random r) {
        List<Facts> all = new ArrayList<>(items * warehouses);
        for (int i = 0; i < items; i++) {
            String category = "C" + (i % 40);
            String supplier = "S" + (i % 200);
            BigDecimal cost = BigDecimal.valueOf(1 + r.nextInt(50_000), 2);
            int lead = 3 + r.nextInt(40);
            for (int w = 0; w < warehouses; w++) {
                int onHand = r.nextInt(10) == 0 ? 0 : r.nextInt(500);
                int demand90 = r.nextInt(5) == 0 ? 0 : r.nextInt(900);
                boolean policy = r.nextInt(3) > 0;
                int safety = policy ? r.nextInt(60) : 0;
                all.add(new Facts(
                        i,
                        w,
                        "I" + i,
                        "W" + w,
                        category,
                        supplier,
                        BigDecimal.valueOf(onHand),
                        BigDecimal.valueOf(r.nextInt(5)),
                        BigDecimal.valueOf(r.nextInt(3) == 0 ? r.nextInt(200) : 0),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        policy,
                        BigDecimal.valueOf(safety),
                        BigDecimal.valueOf(safety * 2L),
                        BigDecimal.valueOf(policy ? safety * 5L + 50 : 0),
                        BigDecimal.valueOf(demand90 / 3),
                        BigDecimal.valueOf(demand90),
                        r.nextInt(367),
                        r.nextInt(367),
                        r.nextInt(367),
                        cost,
                        lead,
                        new Outlook(
                                BigDecimal.valueOf(r.nextInt(300), 2),
                                BigDecimal.valueOf(r.nextInt(200)),
                                BigDecimal.valueOf(r.nextInt(800)),
                                BigDecimal.valueOf(onHand - r.nextInt(100)),
                                BigDecimal.valueOf(onHand - r.nextInt(300)),
                                BigDecimal.valueOf(50 + r.nextInt(51), 2),
                                BigDecimal.valueOf(r.nextInt(1000)),
                                BigDecimal.valueOf(r.nextInt(4) == 0 ? r.nextInt(100) : 0),
                                "")));
            }
        }
        return all;
    }

    static List<RuleDefinition> rules() {
        List<RuleDefinition> rules = new ArrayList<>();
        Templates.ALL.stream().limit(4).forEach(t -> rules.add(t.rule())); // stale, reorder, transfer, safety
        rule(rules, "low cover", "daysOfCover < 14.0 && avgDailyDemand > 0.0", "avgDailyDemand * 30.0 - available");
        rule(rules, "below safety", "hasPolicy && available < safety", "max - available - onOrder");
        rule(rules, "forecast gap", "projectedAvailable30d < forecast30d * 0.5 && supplierOnTimeRate < 0.9", null);
        rule(rules, "dear and old", "stockValue > 10000.0 && stockAgeDays > 180", null);
        rule(rules, "category watch", "category in ['C1', 'C2', 'C3'] && onHand == 0.0 && demand30d > 0.0", null);
        rule(rules, "supplier has it", "supplier.startsWith('S1') && available < warning && supplierAvailable > 0.0",
                "warning * 2.0 - available");
        return rules;
    }

    private static void rule(List<RuleDefinition> rules, String name, String condition, String quantity) {
        Action action = quantity == null
                ? new Action(Action.Type.ALERT, Action.Severity.INFO, "{item} {warehouse}", "{item} {warehouse}",
                        null, null, null)
                : new Action(Action.Type.PURCHASE_SUGGESTION, null, null, null, quantity, null, null);
        rules.add(new RuleDefinition(
                name, null, null, RuleScope.ALL, new Trigger(Trigger.DAILY_6AM, List.of()), condition, List.of(action)));
    }
}
