package org.openvmi.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/movements} over HTTP against a running server (its own JVM), with an API key, next to pgbench
 * in the same run (issue 19 part 4). JDK only: runs from the bench jar alone; bench/run-http-posting-bench.sh starts
 * the server on a fresh PostgreSQL database, creates the API key and the pgbench database, and calls this.
 *
 * <p>Options ({@code --name=value}): base-url, api-key (required); pg-host (127.0.0.1), pg-port (5432), pg-user
 * (postgres), pg-password, pgbench-db (none: no pgbench), clients (8), seconds (20), warmup (5), jit-warmup (20; turns of each single-line scenario),
 * scenarios (single,hot,batch), items (200), locations (10), jfr-pid and jfr-dir (a JFR recording of that process
 * during each measured run, {@code <dir>/<scenario>.jfr}), jfr-settings (profile, or a .jfc file), client (raw: one
 * kept-alive socket per client thread, {@link RawHttpClient}; jdk: the JDK HttpClient), server-pid and database (CPU
 * per posting of the server process and of the database's PostgreSQL backends, {@link CpuMeter}).
 */
public final class HttpPostingBench {

    private static final int STOCK_PER_KEY = 1_000_000;

    private HttpPostingBench() {}

    public static void main(String[] args) throws Throwable {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("options are --name=value, not " + a);
            }
            o.put(a.substring(2, eq), a.substring(eq + 1));
        }
        String baseUrl = required(o, "base-url");
        String apiKey = required(o, "api-key");
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        Duration measured = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "5")));
        Duration jitWarmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warmup", "20")));
        List<String> scenarios =
                List.of(o.getOrDefault("scenarios", "single,hot,batch").split(","));
        String jfrPid = o.get("jfr-pid");
        Path jfrDir = Path.of(o.getOrDefault("jfr-dir", "."));
        String jfrSettings = o.getOrDefault("jfr-settings", "profile");
        String pgbenchDb = o.get("pgbench-db");
        PgBench pgbench = pgbenchDb == null
                ? null
                : new PgBench(
                        o.getOrDefault("pg-host", "127.0.0.1"),
                        Integer.parseInt(o.getOrDefault("pg-port", "5432")),
                        o.getOrDefault("pg-user", "postgres"),
                        o.getOrDefault("pg-password", ""),
                        pgbenchDb);

        System.out.printf(
                "OpenVMI HTTP posting bench: %s, %d clients, %d cores, load average %s, Java %s%n",
                baseUrl,
                clients,
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                System.getProperty("java.version"));
        List<String> items = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        RestSetup.masterData(
                baseUrl,
                apiKey,
                Integer.parseInt(o.getOrDefault("items", "200")),
                Integer.parseInt(o.getOrDefault("locations", "10")),
                items,
                locations);
        List<LedgerClient.Line> keys = new ArrayList<>();
        for (String item : items) {
            for (String location : locations) {
                keys.add(new LedgerClient.Line("RECEIPT", item, location, STOCK_PER_KEY));
            }
        }
        String clientKind = o.getOrDefault("client", "raw");
        LedgerClient rest = switch (clientKind) {
            case "raw" -> new RawHttpClient(baseUrl, apiKey);
            case "jdk" -> new LedgerClient.Rest(baseUrl, apiKey);
            default -> throw new IllegalArgumentException("--client= is raw or jdk, not " + clientKind);
        };
        System.out.printf("client: %s%n", clientKind);
        CpuMeter cpu = new CpuMeter(o.getOrDefault("server-pid", jfrPid), o.get("database"));
        for (int i = 0; i < keys.size(); i += Workloads.BATCH_LINES) {
            if (rest.post(keys.subList(i, Math.min(keys.size(), i + Workloads.BATCH_LINES)), null)
                    != LedgerClient.Outcome.POSTED) {
                throw new IllegalStateException("seeding stock was refused");
            }
        }
        System.out.printf(
                "%d stock keys (%d items × %d locations), %,d units each%n",
                keys.size(), items.size(), locations.size(), STOCK_PER_KEY);

        List<Double> tps = new ArrayList<>();
        if (pgbench != null) {
            System.out.println("pgbench -i -s 10 …");
            pgbench.initialize(10);
            tps.add(pgbench(pgbench, clients, measured));
        }
        if (!jitWarmup.isZero()) {
            // the single-line scenarios' paths, in turns of up to 10 s: a path first run in its measured window (a
            // hot key's coalesced groups, ADR 0098) would be compiled by C2 there, on the cores the measurement
            // shares. Not the batches: 10 s of them leave the analytics upkeep ~0.3 M movements to fold during the
            // next measured windows (and they meet their goal with a margin)
            List<String> warmed = scenarios.stream()
                    .map(String::trim)
                    .filter(s -> !s.equals("batch"))
                    .toList();
            if (warmed.isEmpty()) {
                warmed = List.of("single");
            }
            System.out.printf(
                    "JIT warm-up: %d s, turns of up to 10 s of each of %s%n",
                    jitWarmup.toSeconds(), String.join(",", warmed));
            Duration left = jitWarmup;
            while (!left.isZero() && !left.isNegative()) {
                for (String scenario : warmed) {
                    Duration turn = left.compareTo(Duration.ofSeconds(10)) < 0 ? left : Duration.ofSeconds(10);
                    if (turn.isZero() || turn.isNegative()) {
                        break;
                    }
                    LoadRun.run(
                            "warm-up", "http", rest, clients, Duration.ZERO, turn, false, Workloads.of(scenario, keys));
                    left = left.minus(turn);
                }
            }
        }
        List<LoadRun.Result> results = new ArrayList<>();
        List<double[]> cpuPerPosting = new ArrayList<>();
        for (String scenario : scenarios) {
            String s = scenario.trim();
            if (jfrPid != null) {
                jcmd(
                        jfrPid,
                        "JFR.start",
                        "name=bench-" + s,
                        "settings=" + jfrSettings,
                        "delay=" + warmup.toSeconds() + "s",
                        "duration=" + measured.toSeconds() + "s",
                        "filename=" + jfrDir.resolve(s + ".jfr").toAbsolutePath());
            }
            CpuMeter.Sample[] before = new CpuMeter.Sample[1];
            Thread sampler = new Thread(() -> {
                try {
                    Thread.sleep(50 + warmup.toMillis()); // LoadRun starts 50 ms after the call, then warms up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                before[0] = cpu.sample();
            });
            sampler.start();
            LoadRun.Result r = LoadRun.run(s, "http", rest, clients, warmup, measured, false, Workloads.of(s, keys));
            CpuMeter.Sample used = cpu.sample().minus(before[0]);
            sampler.join();
            results.add(r);
            double postings = Math.max(1, r.postings() + r.refused());
            cpuPerPosting.add(new double[] {
                1000 * used.server() / postings,
                1000 * used.client() / postings,
                1000 * used.database() / postings,
                1000 * used.requests() / postings
            });
            System.out.printf(
                    Locale.ROOT,
                    "%-8s CPU per posting: server %.3f ms (request threads %.3f ms), client %.3f ms, PostgreSQL"
                            + " backends %.3f ms (measured window; %.1f + %.1f + %.1f CPU s)%n",
                    s,
                    1000 * used.server() / postings,
                    1000 * used.requests() / postings,
                    1000 * used.client() / postings,
                    1000 * used.database() / postings,
                    used.server(),
                    used.client(),
                    used.database());
            System.out.printf(
                    Locale.ROOT,
                    "%-8s C=%d %8.0f postings/s %9.0f lines/s  p50 %6.2f ms  p99 %7.2f ms  refused %d  errors %d"
                            + "  (load %s)%n",
                    s,
                    clients,
                    r.postingsPerSecond(),
                    r.linesPerSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    r.refused(),
                    r.errors(),
                    loadAverage());
        }
        if (pgbench != null) {
            tps.add(pgbench(pgbench, clients, measured));
        }
        report(results, tps, clients);
        System.out.printf("%n| scenario | server CPU ms/posting | of it request threads | client CPU ms/posting |"
                + " PostgreSQL CPU ms/posting |%n|---|---:|---:|---:|---:|%n");
        for (int i = 0; i < results.size(); i++) {
            double[] c = cpuPerPosting.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.3f |%n",
                    results.get(i).scenario(),
                    c[0],
                    c[3],
                    c[1],
                    c[2]);
        }
    }

    private static double pgbench(PgBench pgbench, int clients, Duration measured) throws Exception {
        double tps = pgbench.tpcB(clients, (int) measured.toSeconds());
        System.out.printf(
                Locale.ROOT,
                "pgbench -c %d -j 2 -T %d: %.0f tps (load %s)%n",
                clients,
                measured.toSeconds(),
                tps,
                loadAverage());
        return tps;
    }

    private static void report(List<LoadRun.Result> results, List<Double> tps, int clients) {
        double reference =
                tps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(
                Locale.ROOT,
                "%n| scenario | C | postings/s | lines/s | p50 ms | p99 ms | vs pgbench | goal |%n|---|---:|---:|---:|---:|---:|---:|---|%n");
        for (LoadRun.Result r : results) {
            String goal = switch (r.scenario()) {
                case "single" -> verdict(r.linesPerSecond() / reference, 0.6, "× pgbench");
                case "hot" -> verdict(r.linesPerSecond() / reference, 0.4, "× pgbench");
                case "batch" -> verdict(r.linesPerSecond(), 20_000, "lines/s");
                default -> "";
            };
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.0f | %.2f | %.2f | %.2f × | %s; p99 %s |%n",
                    r.scenario(),
                    r.clients(),
                    r.postingsPerSecond(),
                    r.linesPerSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    r.linesPerSecond() / reference,
                    goal,
                    r.p99Millis() < 20 ? "< 20 ms MET" : "≥ 20 ms MISSED");
        }
        System.out.printf(
                Locale.ROOT,
                "| pgbench TPC-B-like (before, after; mean is the reference) | %d | %s | | | | 1.00 × | |%n",
                clients,
                tps.stream().map(t -> String.format(Locale.ROOT, "%.0f", t)).toList());
    }

    private static String verdict(double value, double goal, String unit) {
        return String.format(
                Locale.ROOT,
                "%s %.2f %s (≥ %s)",
                value >= goal ? "MET" : "MISSED",
                value,
                unit,
                goal >= 100 ? String.format(Locale.ROOT, "%,.0f", goal) : String.valueOf(goal));
    }

    private static void jcmd(String pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", pid));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.err.println(String.join(" ", line) + ": " + out);
        }
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return v;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
