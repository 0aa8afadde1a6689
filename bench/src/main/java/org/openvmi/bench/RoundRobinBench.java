package org.openvmi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-line postings ({@code POST /api/v1/movements}) from N clients spread round robin over several running
 * instances, as a load balancer would (issue 19 part 5, ADR 0064). JDK only: runs as a single source file.
 *
 * <pre>
 * java bench/src/main/java/org/openvmi/bench/RoundRobinBench.java USER PASSWORD CLIENTS SECONDS ITEMS LOCATION URL...
 * </pre>
 *
 * Each client sends to the next instance in turn, a RECEIPT of one unit of a random item of {@code ITEM-1 …
 * ITEM-n} (created beforehand, see bench/run-two-instance-bench.sh) at {@code LOCATION}, with an Idempotency-Key. It
 * prints postings/s and p50/p99 latency per instance and in total; a status other than 201 is counted and printed.
 */
public final class RoundRobinBench {

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: RoundRobinBench USER PASSWORD CLIENTS SECONDS ITEMS LOCATION URL...");
            System.exit(2);
        }
        String auth = "Basic "
                + Base64.getEncoder().encodeToString((args[0] + ":" + args[1]).getBytes(StandardCharsets.UTF_8));
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int items = Integer.parseInt(args[4]);
        String location = args[5];
        List<String> urls = Arrays.asList(args).subList(6, args.length);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        int n = urls.size();
        List<List<Long>> latencies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            latencies.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        // warm-up: a few seconds that are not counted
        long warmUntil =
                System.nanoTime() + Duration.ofSeconds(Math.min(5, seconds)).toNanos();
        long end = warmUntil + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                int turn = client % n;
                while (System.nanoTime() < end) {
                    String item = "ITEM-" + (1 + ThreadLocalRandom.current().nextInt(items));
                    String body = "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + item + "\",\"location\":\""
                            + location + "\",\"qty\":1}]}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(turn) + "/api/v1/movements"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "rr-" + run + "-" + sequence.incrementAndGet())
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() != 201) {
                            if (errors.incrementAndGet() <= 5) {
                                System.err.println(urls.get(turn) + ": " + r.statusCode() + " " + r.body());
                            }
                        } else if (t0 >= warmUntil) {
                            latencies.get(turn).add(took);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    turn = (turn + 1) % n;
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Long> l = new ArrayList<>(latencies.get(i));
            all.addAll(l);
            print(urls.get(i), l, seconds);
        }
        print("total (" + clients + " clients)", all, seconds);
        System.out.println("errors: " + errors.get());
    }

    private static void print(String what, List<Long> nanos, int seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        java.util.Collections.sort(sorted);
        System.out.printf(
                "%-40s %8d postings %8.0f/s  p50 %6.1f ms  p99 %6.1f ms%n",
                what,
                sorted.size(),
                sorted.size() / (double) seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }
}
