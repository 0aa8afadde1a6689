package org.openvmi.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger benchmark. Creates a fresh PostgreSQL database, starts the OpenVMI application context in this JVM
 * (Tomcat included), and posts movements with C concurrent closed-loop clients, twice per scenario: through the
 * {@code InventoryLedger} service (the ledger alone) and through {@code POST /api/v1/movements} with an API key (the
 * product: HTTP, JSON, security, the ledger). pgbench's TPC-B-like transaction on a scratch database of the same
 * server, with the same client counts, is the reference the goals are stated against.
 *
 * <p>Options ({@code --name=value}): pg-url, pg-user, pg-password, seconds (20), warmup (5 s before each run),
 * jit-warmup (20 s per mode before the first run), modes (service,rest), scenarios (single,batch,hot,single-idem),
 * items (200), locations (10), skip-pgbench, keep-databases, count-statements (round trips per posting through
 * {@link CountingDriver}; off by default, its proxies cost a little CPU).
 */
public final class LedgerBench {

    record Scenario(String name, String title, int clients, boolean idempotent) {}

    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("single", new Scenario("single", "single-line postings", 8, false));
        SCENARIOS.put("batch", new Scenario("batch", "batches of 100 lines", 4, false));
        SCENARIOS.put("hot", new Scenario("hot", "hot key (all clients, one stock key)", 8, false));
        SCENARIOS.put("single-idem", new Scenario("single-idem", "single-line with Idempotency-Key", 8, true));
    }

    private static final int BATCH_LINES = Workloads.BATCH_LINES;
    private static final int STOCK_PER_KEY = 1_000_000;

    private LedgerBench() {}

    public static void main(String[] args) throws Throwable {
        Map<String, String> o = options(args);
        String pgUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
        String pgUser = o.getOrDefault("pg-user", "postgres");
        String pgPassword = o.getOrDefault("pg-password", "");
        Duration measured = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "5")));
        List<String> modes =
                Arrays.asList(o.getOrDefault("modes", "service,rest").split(","));
        List<Scenario> scenarios = Arrays.stream(o.getOrDefault("scenarios", String.join(",", SCENARIOS.keySet()))
                        .split(","))
                .map(s -> {
                    Scenario sc = SCENARIOS.get(s.trim());
                    if (sc == null) {
                        throw new IllegalArgumentException("unknown scenario " + s + "; known: " + SCENARIOS.keySet());
                    }
                    return sc;
                })
                .toList();
        int itemCount = Integer.parseInt(o.getOrDefault("items", "200"));
        int locationCount = Integer.parseInt(o.getOrDefault("locations", "10"));

        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*")
                .matcher(pgUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("pg-url must look like jdbc:postgresql://host:port/database");
        }
        String host = url.group(1);
        int port = url.group(2) == null ? 5432 : Integer.parseInt(url.group(2));
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        String ledgerDb = "openvmi_bench_" + suffix;
        String pgbenchDb = "openvmi_pgbench_" + suffix;

        System.out.printf(
                "OpenVMI ledger bench: %d cores, load average %s, Java %s, PostgreSQL at %s:%d%n",
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                System.getProperty("java.version"),
                host,
                port);
        System.out.printf(
                "measured %d s per run after %d s warm-up; databases %s and %s%n%n",
                measured.toSeconds(), warmup.toSeconds(), ledgerDb, pgbenchDb);

        Map<Integer, Double> pgbenchTps = new TreeMap<>();
        admin(pgUrl, pgUser, pgPassword, "CREATE DATABASE " + ledgerDb);
        ConfigurableApplicationContext context = null;
        try {
            if (!o.containsKey("skip-pgbench")) {
                admin(pgUrl, pgUser, pgPassword, "CREATE DATABASE " + pgbenchDb);
                PgBench pgbench = new PgBench(host, port, pgUser, pgPassword, pgbenchDb);
                System.out.println("pgbench -i -s 10 …");
                pgbench.initialize(10);
                for (int clients : scenarios.stream()
                        .map(Scenario::clients)
                        .distinct()
                        .sorted()
                        .toList()) {
                    double tps = pgbench.tpcB(clients, (int) measured.toSeconds());
                    pgbenchTps.put(clients, tps);
                    System.out.printf("pgbench -c %d -j 2 -T %d: %.0f tps%n", clients, measured.toSeconds(), tps);
                }
                admin(pgUrl, pgUser, pgPassword, "DROP DATABASE IF EXISTS " + pgbenchDb + " WITH (FORCE)");
            }

            String ledgerUrl = pgUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + ledgerDb + "$1");
            boolean counting = o.containsKey("count-statements");
            List<String> settings = new ArrayList<>();
            if (counting) {
                Class.forName(CountingDriver.class.getName());
                settings.add("--spring.datasource.driver-class-name=" + CountingDriver.class.getName());
                ledgerUrl = CountingDriver.PREFIX + ledgerUrl.substring("jdbc:".length());
            }
            // product settings passed through, e.g. --openvmi.analytics.… to see what a background job costs
            o.forEach((k, v) -> {
                if (k.startsWith("openvmi.") || k.startsWith("spring.")) {
                    settings.add("--" + k + "=" + v);
                }
            });
            SpringApplication application = new SpringApplication(
                    Class.forName("org.openvmi.OpenVmiApplication", true, LedgerBench.class.getClassLoader()));
            settings.addAll(
                    0,
                    List.of(
                            "--spring.datasource.url=" + ledgerUrl,
                            "--spring.datasource.username=" + pgUser,
                            "--spring.datasource.password=" + pgPassword,
                            "--server.port=0",
                            "--openvmi.demo-data=false",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN"));
            context = application.run(settings.toArray(String[]::new));
            String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            String apiKey = benchUser(new JdbcTemplate(context.getBean(DataSource.class)));
            List<String> items = new ArrayList<>();
            List<String> locations = new ArrayList<>();
            RestSetup.masterData(baseUrl, apiKey, itemCount, locationCount, items, locations);
            List<LedgerClient.Line> keys = new ArrayList<>();
            for (String item : items) {
                for (String location : locations) {
                    keys.add(new LedgerClient.Line("RECEIPT", item, location, STOCK_PER_KEY));
                }
            }
            LedgerClient service = new LedgerClient.Service(context);
            for (int i = 0; i < keys.size(); i += BATCH_LINES) {
                if (service.post(keys.subList(i, Math.min(keys.size(), i + BATCH_LINES)), null)
                        != LedgerClient.Outcome.POSTED) {
                    throw new IllegalStateException("seeding stock was refused");
                }
            }
            System.out.printf(
                    "%n%d stock keys (%d items × %d locations) with %,d units each%n%n",
                    keys.size(), items.size(), locations.size(), STOCK_PER_KEY);

            Map<String, LedgerClient> clients = new LinkedHashMap<>();
            clients.put("service", service);
            clients.put("rest", new LedgerClient.Rest(baseUrl, apiKey));
            Duration jitWarmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warmup", "20")));
            if (!jitWarmup.isZero()) {
                // the JIT compiles the hot paths of both modes before anything is measured, so the first scenario is
                // not measured on a colder JVM than the later ones
                System.out.printf("JIT warm-up: %d s of single-line postings per mode%n%n", jitWarmup.toSeconds());
                for (String mode : modes) {
                    LoadRun.run(
                            "warm-up",
                            mode,
                            clients.get(mode.trim()),
                            8,
                            Duration.ZERO,
                            jitWarmup,
                            false,
                            Workloads.of("single", keys));
                }
            }
            List<LoadRun.Result> results = new ArrayList<>();
            List<String> costs = new ArrayList<>();
            CpuMeter cpu = new CpuMeter(null, ledgerDb);
            for (Scenario scenario : scenarios) {
                for (String mode : modes) {
                    LedgerClient known = clients.get(mode.trim());
                    if (known == null) {
                        throw new IllegalArgumentException("unknown mode " + mode + "; known: " + clients.keySet());
                    }
                    Counted client = new Counted(known);
                    long[] bench0 = CountingDriver.BENCH.snapshot();
                    long[] other0 = CountingDriver.OTHER.snapshot();
                    CpuMeter.Sample cpu0 = cpu.sample();
                    LoadRun.Result r = LoadRun.run(
                            scenario.name(),
                            mode.trim(),
                            client,
                            scenario.clients(),
                            warmup,
                            measured,
                            scenario.idempotent(),
                            Workloads.of(scenario.name(), keys));
                    CpuMeter.Sample used = cpu.sample().minus(cpu0);
                    long[] bench = minus(CountingDriver.BENCH.snapshot(), bench0);
                    long[] other = minus(CountingDriver.OTHER.snapshot(), other0);
                    double posts = Math.max(1, client.postings.get());
                    double lines = Math.max(1, client.lines.get());
                    String cost = String.format(
                            Locale.ROOT,
                            "| %s | %s | %.0f | %.1f | %.1f | %.1f |",
                            SCENARIOS.get(scenario.name()).title(),
                            mode.trim(),
                            client.postings.get() / 1.0,
                            client.callerNanos.get() / lines / 1e3,
                            used.client() / lines * 1e6,
                            used.database() / lines * 1e6);
                    if (counting) {
                        cost += String.format(
                                Locale.ROOT,
                                " %.2f | %.1f | %.2f | %.2f | %.2f |",
                                bench[0] / posts,
                                bench[1] / posts,
                                bench[2] / posts,
                                bench[3] / posts,
                                other[0] / posts);
                    }
                    costs.add(cost);
                    results.add(r);
                    System.out.printf(
                            "%-12s %-8s C=%d  %8.0f postings/s %9.0f lines/s  p50 %6.2f ms  p99 %7.2f ms"
                                    + "  refused %d  errors %d  (load %s)%n",
                            r.scenario(),
                            r.mode(),
                            r.clients(),
                            r.postingsPerSecond(),
                            r.linesPerSecond(),
                            r.p50Millis(),
                            r.p99Millis(),
                            r.refused(),
                            r.errors(),
                            loadAverage());
                }
            }
            report(results, pgbenchTps);
            System.out.println();
            System.out.println("CPU per line over warm-up and measured period (this JVM: application and bench clients;"
                    + " PostgreSQL: the ledger database's backends)"
                    + (counting
                            ? "; round trips per posting on the bench's threads, and on the application's other"
                                    + " threads in the same period"
                            : ""));
            System.out.println("| scenario | path | postings | posting threads µs/line | whole JVM µs/line"
                    + " | PostgreSQL µs/line |"
                    + (counting
                            ? " statements/posting | batch rows/posting | commits | rollbacks | other threads'"
                                    + " statements/posting |"
                            : ""));
            System.out.println("|---|---|---:|---:|---:|---:|" + (counting ? "---:|---:|---:|---:|---:|" : ""));
            costs.forEach(System.out::println);
        } finally {
            if (context != null) {
                context.close();
            }
            if (!o.containsKey("keep-databases")) {
                admin(pgUrl, pgUser, pgPassword, "DROP DATABASE IF EXISTS " + ledgerDb + " WITH (FORCE)");
                admin(pgUrl, pgUser, pgPassword, "DROP DATABASE IF EXISTS " + pgbenchDb + " WITH (FORCE)");
            }
        }
    }

    private static void report(List<LoadRun.Result> results, Map<Integer, Double> pgbenchTps) {
        System.out.println();
        System.out.println(
                "| scenario | path | C | postings/s | lines/s | p50 ms | p99 ms | vs pgbench tps (same C) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (LoadRun.Result r : results) {
            Double tps = pgbenchTps.get(r.clients());
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %.0f | %.0f | %.2f | %.2f | %s |%n",
                    SCENARIOS.get(r.scenario()).title(),
                    r.mode(),
                    r.clients(),
                    r.postingsPerSecond(),
                    r.linesPerSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    tps == null ? "–" : String.format(Locale.ROOT, "%.2f ×", r.linesPerSecond() / tps));
        }
        pgbenchTps.forEach((c, tps) -> System.out.printf(
                Locale.ROOT, "| pgbench TPC-B-like | libpq | %d | %.0f tps | | | | 1.00 × |%n", c, tps));
        System.out.println();
        for (LoadRun.Result r : results) {
            Double tps = pgbenchTps.get(r.clients());
            String goal = switch (r.scenario()) {
                case "single" -> tps == null ? null : verdict(r.linesPerSecond() / tps, 1.0, "× pgbench tps");
                case "hot" -> tps == null ? null : verdict(r.linesPerSecond() / tps, 0.3, "× pgbench tps");
                case "batch" -> verdict(r.linesPerSecond(), 20_000, "lines/s");
                default -> null;
            };
            if (goal != null) {
                System.out.printf("goal %-8s %-8s %s%n", r.scenario(), r.mode(), goal);
            }
        }
    }

    private static long[] minus(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Counts every posting the clients make, warm-up included (the CPU and statement figures cover both). */
    private static final class Counted implements LedgerClient {
        private final LedgerClient delegate;
        final java.util.concurrent.atomic.AtomicLong postings = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong lines = new java.util.concurrent.atomic.AtomicLong();
        /** CPU of the calling threads inside {@code post}: the posting's own JVM work, no background job's. */
        final java.util.concurrent.atomic.AtomicLong callerNanos = new java.util.concurrent.atomic.AtomicLong();

        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();

        Counted(LedgerClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public Outcome post(List<Line> posting, String idempotencyKey) throws Throwable {
            long cpu = THREADS.getCurrentThreadCpuTime();
            Outcome outcome = delegate.post(posting, idempotencyKey);
            callerNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            postings.incrementAndGet();
            lines.addAndGet(posting.size());
            return outcome;
        }
    }

    private static String verdict(double value, double goal, String unit) {
        return String.format(
                Locale.ROOT,
                "%s %.2f %s (goal ≥ %s)",
                value >= goal ? "MET   " : "MISSED",
                value,
                unit,
                goal >= 100 ? String.format(Locale.ROOT, "%,.0f", goal) : String.valueOf(goal));
    }

    /** A bench user with an API key (stored as the server stores keys: SHA-256), so HTTP calls skip bcrypt. */
    static String benchUser(JdbcTemplate jdbc) throws Exception {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, display_name, roles, created_at)
                VALUES ('bench', 'no-password-login', 'ledger bench', 'ADMIN', CURRENT_TIMESTAMP)""");
        Long userId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'bench'", Long.class);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = "ovk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        jdbc.update("""
                INSERT INTO api_key (name, key_prefix, key_hash, user_id, created_at, created_by)
                VALUES ('bench', ?, ?, ?, CURRENT_TIMESTAMP, 'bench')""", secret.substring(0, 12), hash, userId);
        return secret;
    }

    static void admin(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("options are --name=value, not " + a);
            }
            int eq = a.indexOf('=');
            o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
        }
        return o;
    }
}
