package org.openvmi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The postings of the ledger benches' scenarios, per client; receipts and issues of one unit alternate. JDK only. */
final class Workloads {

    static final int BATCH_LINES = 100;

    private Workloads() {}

    /**
     * @param scenario {@code batch} (100 lines on distinct random keys), {@code hot} (one line, always the first
     *     key), anything else one line on a random key
     * @param keys the stock keys (item, location) seeded with stock
     */
    static IntFunction<Supplier<List<LedgerClient.Line>>> of(String scenario, List<LedgerClient.Line> keys) {
        return client -> {
            Random random = new Random(1_000L * client + scenario.hashCode());
            int[] n = {0};
            return switch (scenario) {
                case "batch" ->
                    () -> {
                        List<LedgerClient.Line> lines = new ArrayList<>(BATCH_LINES);
                        int[] picked = random.ints(0, keys.size())
                                .distinct()
                                .limit(BATCH_LINES)
                                .toArray();
                        for (int i = 0; i < picked.length; i++) {
                            LedgerClient.Line k = keys.get(picked[i]);
                            lines.add(
                                    new LedgerClient.Line(i % 2 == 0 ? "RECEIPT" : "ISSUE", k.item(), k.location(), 1));
                        }
                        return lines;
                    };
                case "hot" ->
                    () -> {
                        LedgerClient.Line k = keys.get(0);
                        return List.of(new LedgerClient.Line(
                                n[0]++ % 2 == 0 ? "RECEIPT" : "ISSUE", k.item(), k.location(), 1));
                    };
                default ->
                    () -> {
                        LedgerClient.Line k = keys.get(random.nextInt(keys.size()));
                        return List.of(new LedgerClient.Line(
                                n[0]++ % 2 == 0 ? "RECEIPT" : "ISSUE", k.item(), k.location(), 1));
                    };
            };
        };
    }
}
