package org.openvmi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * C client threads posting back to back (closed loop) for a warm-up and then a measured period; counts acknowledged
 * postings and lines, refusals and errors, and keeps every measured latency for exact percentiles.
 */
final class LoadRun {

    record Result(
            String scenario,
            String mode,
            int clients,
            double seconds,
            long postings,
            long lines,
            long refused,
            long errors,
            double p50Millis,
            double p99Millis) {

        double linesPerSecond() {
            return lines / seconds;
        }

        double postingsPerSecond() {
            return postings / seconds;
        }
    }

    private LoadRun() {}

    /**
     * @param workload one generator of postings per client (its own random source)
     * @param idempotent whether every posting carries a fresh Idempotency-Key
     */
    static Result run(
            String scenario,
            String mode,
            LedgerClient client,
            int clients,
            Duration warmup,
            Duration measured,
            boolean idempotent,
            IntFunction<Supplier<List<LedgerClient.Line>>> workload)
            throws InterruptedException {
        AtomicLong postings = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            long[][] mine = {new long[4096]};
            latencies.add(null);
            Supplier<List<LedgerClient.Line>> next = workload.apply(c);
            Thread t = new Thread(
                    () -> {
                        try {
                            while (System.nanoTime() < start) {
                                Thread.onSpinWait();
                            }
                            long now;
                            while ((now = System.nanoTime()) < end) {
                                List<LedgerClient.Line> posting = next.get();
                                String key = idempotent ? UUID.randomUUID().toString() : null;
                                LedgerClient.Outcome outcome;
                                try {
                                    outcome = client.post(posting, key);
                                } catch (Throwable e) {
                                    if (errors.incrementAndGet() <= 3) {
                                        System.err.println(scenario + "/" + mode + ": " + e);
                                    }
                                    continue;
                                }
                                long took = System.nanoTime() - now;
                                if (now >= measureFrom) {
                                    if (outcome == LedgerClient.Outcome.POSTED) {
                                        postings.incrementAndGet();
                                        lines.addAndGet(posting.size());
                                    } else {
                                        refused.incrementAndGet();
                                    }
                                    if (counts[me] == mine[0].length) {
                                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                                    }
                                    mine[0][counts[me]++] = took;
                                }
                            }
                        } finally {
                            synchronized (latencies) {
                                latencies.set(me, Arrays.copyOf(mine[0], counts[me]));
                            }
                            done.countDown();
                        }
                    },
                    "bench-" + scenario + "-" + c);
            threads.add(t);
            t.start();
        }
        done.await();
        long[] all;
        synchronized (latencies) {
            all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        }
        return new Result(
                scenario,
                mode,
                clients,
                measured.toNanos() / 1e9,
                postings.get(),
                lines.get(),
                refused.get(),
                errors.get(),
                percentile(all, 0.50),
                percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
