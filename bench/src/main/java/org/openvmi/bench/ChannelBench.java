package org.openvmi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Channel bench (issue 18) against a running server, JDK only (run as a single source file):
 * <ol>
 * <li>sets up a warehouse, N items with 1,000,000 units each and three channels (open, 30 %, 20 % with a pause line);</li>
 * <li>ATP reads: {@code clients} threads call {@code GET /channels/{code}/atp?items=<one item>} for {@code seconds};
 * prints requests/s, p50, p99 (goal p99 &lt; 20 ms at 50 clients);</li>
 * <li>channel orders: {@code clients} threads place one-line orders (qty 1, random item and channel) for
 * {@code seconds}; prints reservations/s through the ledger, p50, p99 and refusals (goal 500/s on PostgreSQL).</li>
 * </ol>
 * {@code java bench/src/main/java/org/openvmi/bench/ChannelBench.java http://127.0.0.1:18080 <api key of an ADMIN>
 * [items=200] [atpClients=50] [orderClients=16] [seconds=20] [atpRate=4] [jitWarmup=60]}; {@code atpRate} per client and second
 * adds a paced ATP phase (50 clients × 4/s = 200 reads/s offered): the closed loop above measures capacity, where
 * latency is clients ÷ throughput by construction, the paced one the p99 a client sees at a given rate (an API key: no bcrypt per request in the figures)
 */
public final class ChannelBench {

    private static HttpClient http;
    private static String base;
    private static String auth;

    public static void main(String[] args) throws Exception {
        base = args[0] + "/api/v1";
        auth = args[1];
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int atpClients = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int orderClients = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        // paced ATP phase: each client sends one read every 1000/rate ms (0: left out); see bench/README.md
        double atpRate = args.length > 6 ? Double.parseDouble(args[6]) : 4;
        // seconds of both calls before anything is measured: on 2 cores the C2 compiler is still busy for ~30 s after a
        // start, and a cold server reads at half its speed (bench/README.md, 2026-12-07)
        int jitWarmup = args.length > 7 ? Integer.parseInt(args[7]) : 60;
        Setup setup = setUp(args[0], auth, items, Math.max(atpClients, orderClients) + 4);
        List<String> codes = setup.items();
        String[] channels = setup.channels();

        // warm-up: ATP reads, then orders (ids W-…, released stock is not needed: every item holds 1,000,000)
        load(
                8,
                Math.max(5, jitWarmup / 2),
                (n) -> get("/channels/" + channels[n % 3] + "/atp?items=" + codes.get(n % codes.size())));
        if (jitWarmup > 0) {
            AtomicLong warm = new AtomicLong();
            load(
                    orderClients,
                    jitWarmup / 2,
                    (n) -> post(
                            "/channels/" + channels[(int) (warm.get() % 3)] + "/orders",
                            "{\"orderId\":\"W-" + warm.incrementAndGet() + "\",\"lines\":[{\"item\":\""
                                    + codes.get(ThreadLocalRandom.current().nextInt(codes.size()))
                                    + "\",\"qty\":1}]}"));
        }
        String load0 = loadAverage();
        Call atpRead = (n) -> get("/channels/" + channels[n % 3] + "/atp?items="
                + codes.get(ThreadLocalRandom.current().nextInt(codes.size())));
        long[] cpu = cpu();
        Result atp = load(atpClients, seconds, atpRead);
        print("ATP reads, " + atpClients + " clients", seconds, atp);
        String atpCpu = cpuPer(cpu, atp.count);
        Result paced = null;
        if (atpRate > 0) {
            paced = load(atpClients, seconds, (long) (1_000_000_000L / atpRate), atpRead);
            print(String.format("ATP reads paced, %d clients x %.1f/s", atpClients, atpRate), seconds, paced);
        }

        cpu = cpu();
        AtomicLong order = new AtomicLong();
        Result orders = load(orderClients, seconds, (n) -> {
            String item = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
            return post(
                    "/channels/" + channels[ThreadLocalRandom.current().nextInt(3)] + "/orders",
                    "{\"orderId\":\"B-" + order.incrementAndGet() + "\",\"lines\":[{\"item\":\"" + item
                            + "\",\"qty\":1}]}");
        });
        System.out.printf(
                "channel orders, %d clients, %d s: %d reserved, %.0f reservations/s, p50 %.1f ms, p99 %.1f ms, "
                        + "refused/errors %d%n",
                orderClients,
                seconds,
                orders.count,
                orders.count / (double) seconds,
                orders.p(0.50),
                orders.p(0.99),
                orders.errors.get());
        String orderCpu = cpuPer(cpu, orders.count);
        String load1 = loadAverage();
        System.out.printf(
                "GOAL channel ATP read p99 %.1f ms at %d clients (goal < 20 ms: %s), %.0f/s, %s, load %s -> %s%n",
                atp.p(0.99),
                atpClients,
                atp.p(0.99) < 20 ? "met" : "NOT met",
                atp.count / (double) seconds,
                atpCpu,
                load0,
                load1);
        if (paced != null) {
            System.out.printf(
                    "GOAL channel ATP read p99 %.1f ms at %d paced clients x %.1f/s = %.0f/s offered (goal < 20 ms: "
                            + "%s), load %s%n",
                    paced.p(0.99),
                    atpClients,
                    atpRate,
                    atpClients * atpRate,
                    paced.p(0.99) < 20 ? "met" : "NOT met",
                    load1);
        }
        System.out.printf(
                "GOAL channel orders %.0f reservations/s over HTTP at %d clients (goal 500/s: %s), p99 %.1f ms, %s, "
                        + "load %s%n",
                orders.count / (double) seconds,
                orderClients,
                orders.count / (double) seconds >= 500 ? "met" : "NOT met",
                orders.p(0.99),
                orderCpu,
                load1);
        System.exit(0);
    }

    /** What {@link #setUp} made: the items' codes and the three channels' codes (open, 30 %, 20 % with a line). */
    record Setup(List<String> items, String[] channels) {}

    /**
     * Sets up over the REST API of the server at {@code url} (with an ADMIN's API key): a warehouse with one location,
     * {@code items} items with 1,000,000 units each, three channels on it (open; 30 % with a pause line of 1,000; 20 %
     * with a pause line of 1,000). Also used by {@link ChannelInProcessBench}.
     */
    static Setup setUp(String url, String key, int items, int threads) throws Exception {
        base = url + "/api/v1";
        auth = key;
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(threads))
                .build();
        String run =
                Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        String wh = "BW" + run;
        call("POST", "/warehouses", "{\"code\":\"" + wh + "\",\"name\":\"bench " + wh + "\"}", 201);
        call("POST", "/warehouses/" + wh + "/locations", "{\"code\":\"" + wh + "-B1\",\"type\":\"STORAGE\"}", 201);
        List<String> codes = new ArrayList<>();
        StringBuilder receipt = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < items; i++) {
            String code = "BI" + run + "-" + i;
            codes.add(code);
            call("POST", "/items", "{\"code\":\"" + code + "\",\"name\":\"bench item\",\"uom\":\"PCS\"}", 201);
            receipt.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"RECEIPT\",\"item\":\"")
                    .append(code)
                    .append("\",\"location\":\"")
                    .append(wh)
                    .append("-B1\",\"qty\":1000000}");
        }
        call("POST", "/movements", receipt.append("]}").toString(), 201);
        String[] channels = {"SHOP" + run, "B2B" + run, "MKT" + run};
        call("POST", "/channels", channel(channels[0], wh, 1, "null", "null"), 201);
        call("POST", "/channels", channel(channels[1], wh, 2, "30", "1000"), 201);
        call("POST", "/channels", channel(channels[2], wh, 3, "20", "1000"), 201);
        System.out.printf("set up: %d items in %s, channels %s%n", items, wh, Arrays.toString(channels));
        return new Setup(List.copyOf(codes), channels);
    }

    /** CPU time used so far in ms: [this client, the server (env SERVER_PID), the sum of postgres processes]. */
    private static long[] cpu() {
        long client = ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
        String pid = System.getenv("SERVER_PID");
        long server = pid == null ? -1 : ticks(pid);
        long postgres = 0;
        java.io.File[] procs =
                new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File f : procs == null ? new java.io.File[0] : procs) {
            try {
                String comm = java.nio.file.Files.readString(f.toPath().resolve("comm"))
                        .trim();
                if (comm.equals("postgres")) {
                    postgres += ticks(f.getName());
                }
            } catch (Exception gone) {
                // the process ended meanwhile
            }
        }
        return new long[] {client, server, postgres};
    }

    /** utime + stime of a process in ms (clock ticks of 10 ms). */
    private static long ticks(String pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (Exception e) {
            return -1;
        }
    }

    /** CPU ms per request of the client, the server and all postgres processes (other databases' work included). */
    private static String cpuPer(long[] before, int requests) {
        long[] after = cpu();
        double n = Math.max(1, requests);
        return String.format(
                "CPU per request: client %.2f ms, server %s ms, postgres (all) %.2f ms",
                (after[0] - before[0]) / n,
                before[1] < 0 ? "?" : String.format("%.2f", (after[1] - before[1]) / n),
                (after[2] - before[2]) / n);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String channel(String code, String wh, int priority, String pct, String pause) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"priority\":" + priority + ",\"warehouses\":[\""
                + wh + "\"],\"percentage\":" + pct + ",\"pauseBelow\":" + pause + "}";
    }

    private static void print(String label, int seconds, Result r) {
        System.out.printf(
                "%s, %d s: %d requests, %.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d%n",
                label, seconds, r.count, r.count / (double) seconds, r.p(0.50), r.p(0.99), r.errors.get());
    }

    interface Call {
        int run(int n) throws Exception;
    }

    static final class Result {
        long[] nanos = new long[0];
        int count;
        final AtomicInteger errors = new AtomicInteger();

        double p(double q) {
            if (count == 0) {
                return Double.NaN;
            }
            return nanos[Math.min(count - 1, (int) Math.ceil(q * count) - 1)] / 1e6;
        }
    }

    static Result load(int clients, int seconds, Call call) throws InterruptedException {
        return load(clients, seconds, 0, call);
    }

    /**
     * {@code clients} threads call for {@code seconds}; with {@code intervalNanos} > 0 each thread starts a call every
     * interval (a paced, open-ish load: a late call starts at once, latency counted from its start), else back to back.
     */
    static Result load(int clients, int seconds, long intervalNanos, Call call) throws InterruptedException {
        Result result = new Result();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            long[] lat = new long[200_000];
            perThread.add(lat);
            int id = t;
            Thread thread = new Thread(() -> {
                int n = 0;
                long next = System.nanoTime()
                        + (intervalNanos > 0 ? ThreadLocalRandom.current().nextLong(intervalNanos) : 0);
                while (System.nanoTime() < end) {
                    if (intervalNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        next += intervalNanos;
                        if (System.nanoTime() >= end) {
                            break;
                        }
                    }
                    long start = System.nanoTime();
                    try {
                        int status = call.run(id * 1_000_000 + n);
                        if (status >= 300) {
                            result.errors.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        result.errors.incrementAndGet();
                        continue;
                    }
                    if (n < lat.length) {
                        lat[n++] = System.nanoTime() - start;
                    }
                }
                counts[id] = n;
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        result.nanos = all;
        result.count = total;
        return result;
    }

    private static int get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("X-API-Key", auth)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int post(String path, String json) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("X-API-Key", auth)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void call(String method, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("X-API-Key", auth)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
