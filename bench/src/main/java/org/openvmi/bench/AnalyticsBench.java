package org.openvmi.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics bench (issue 15, ADR 0038/0044): a fresh PostgreSQL database, the application started in this JVM,
 * a year of ledger movements seeded in set-based SQL (one INSERT … SELECT per day, ids in time order as the ledger
 * assigns them), the snapshots and FIFO layers built by the product's own incremental job
 * ({@code AnalyticsSnapshots.catchUp}, timed), then each analytics endpoint over the year through HTTP, cold (first
 * call) and warm; last the posting path's throughput with the snapshot upkeep running and stopped, alternately.
 * <p>
 * Options: {@code --pg-url} (jdbc:postgresql://127.0.0.1:5432/test), {@code --pg-user} (postgres),
 * {@code --pg-password}, {@code --items} (25000), {@code --warehouses} (4), {@code --movements} (10000000),
 * {@code --job-movements} (0: the job folds every movement; N: only the last N, see {@link #derivePrefix}),
 * {@code --days} (365), {@code --warm} (3 warm calls per endpoint), {@code --post-seconds} (20, 0 skips the posting
 * part), {@code --post-rounds} (2 pairs off/on), {@code --jit-warmup} (60 s of postings before the posting rounds),
 * {@code --keep-database}, {@code --database} (a kept one: endpoints only), and product settings as
 * {@code --openvmi.analytics.batch-size=20000}.
 */
public final class AnalyticsBench {

    private AnalyticsBench() {}

    public static void main(String[] args) throws Throwable {
        Map<String, String> o = options(args);
        String pgUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
        String pgUser = o.getOrDefault("pg-user", "postgres");
        String pgPassword = o.getOrDefault("pg-password", "");
        int items = Integer.parseInt(o.getOrDefault("items", "25000"));
        int warehouses = Integer.parseInt(o.getOrDefault("warehouses", "4"));
        long movements = Long.parseLong(o.getOrDefault("movements", "10000000"));
        int days = Integer.parseInt(o.getOrDefault("days", "365"));
        int warm = Integer.parseInt(o.getOrDefault("warm", "3"));
        int postSeconds = Integer.parseInt(o.getOrDefault("post-seconds", "20"));
        int postRounds = Integer.parseInt(o.getOrDefault("post-rounds", "2"));
        // on 2 cores the C2 compiler is still busy ~30 s after a start: 60 s of postings before any posting round
        int jitWarmup = Integer.parseInt(o.getOrDefault("jit-warmup", "60"));
        int jobBatch = Integer.parseInt(o.getOrDefault("openvmi.analytics.batch-size", "5000"));
        // --database=<name>: the endpoints again on a database a run kept (--keep-database), e.g. before and after a
        // change of the reads on the same data; no seeding, and the database is kept
        String reuse = o.get("database");
        String db = reuse != null ? reuse : "openvmi_analyticsbench_" + Long.toString(System.currentTimeMillis(), 36);
        System.out.printf(
                "OpenVMI analytics bench: %d cores, load average %s, Java %s, database %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"), db);
        if (reuse == null) {
            admin(pgUrl, pgUser, pgPassword, "CREATE DATABASE " + db);
        }
        ConfigurableApplicationContext context = null;
        try {
            String url = pgUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + db) + "?reWriteBatchedInserts=true";
            SpringApplication application = new SpringApplication(
                    Class.forName("org.openvmi.OpenVmiApplication", true, AnalyticsBench.class.getClassLoader()));
            // the scheduled catch-up is pushed out of the way: the bench runs the job itself, timed
            List<String> appArgs = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + pgUser,
                    "--spring.datasource.password=" + pgPassword,
                    "--server.port=0",
                    "--openvmi.demo-data=false",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--openvmi.analytics.snapshot-interval=PT1000H"));
            o.forEach((k, v) -> {
                if (k.startsWith("openvmi.")) {
                    appArgs.add("--" + k + "=" + v);
                }
            });
            System.out.println("settings: " + appArgs.subList(4, appArgs.size()));
            context = application.run(appArgs.toArray(new String[0]));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate first = today.minusDays(days);

            long t = System.nanoTime();
            if (reuse == null) {
                try (Connection c = DriverManager.getConnection(url, pgUser, pgPassword)) {
                    seed(c, items, warehouses, movements, days, first);
                }
            }
            System.out.printf(
                    "seeded %,d item × warehouse × owner keys, %,d movements over %d days, %,d MB, in %.1f s "
                            + "(load %s)%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM stock_balance", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM stock_movement", Long.class),
                    days,
                    jdbc.queryForObject("SELECT pg_database_size(current_database()) / 1048576", Long.class),
                    seconds(t),
                    loadAverage());

            Object snapshots = context.getBean(Class.forName(
                    "org.openvmi.analytics.AnalyticsSnapshots", true, AnalyticsBench.class.getClassLoader()));
            long jobMovements = Long.parseLong(o.getOrDefault("job-movements", "0"));
            if (jobMovements > 0 && reuse == null) {
                derivePrefix(jdbc, jobMovements);
                // the monthly rollup (ADR 0050) of the derived daily rows, by the product's code
                long tm = System.nanoTime();
                Object repository = context.getBean(Class.forName(
                        "org.openvmi.analytics.internal.SnapshotRepository",
                        true,
                        AnalyticsBench.class.getClassLoader()));
                long months =
                        (long) repository.getClass().getMethod("rebuildMonths").invoke(repository);
                jdbc.execute("VACUUM ANALYZE analytics_monthly");
                System.out.printf(
                        "rolled %,d monthly rows from the derived daily rows in %.1f s (load %s)%n",
                        months, seconds(tm), loadAverage());
            }
            buildGroupFacts(context, jdbc);
            catchUp(context, jdbc, jobBatch);

            String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            String apiKey = benchUser(jdbc);
            endpoints(jdbc, baseUrl, apiKey, first, today.minusDays(1), warm);

            if (postSeconds > 0) {
                posting(context, jdbc, snapshots, warehouses, postSeconds, postRounds, jitWarmup);
            }
        } finally {
            if (context != null) {
                context.close();
            }
            if (!o.containsKey("keep-database") && reuse == null) {
                admin(pgUrl, pgUser, pgPassword, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    /**
     * Master data and a year of movements. Keys: every item in every warehouse (one storage location each); every
     * tenth item is a supplier's consignment (owner = supplier code, consumed), the rest own stock (issued). Each key
     * opens with a receipt of 100 on the first day; after that it is active on a day with probability p and then posts
     * one or two movements (15 % receipts of 20–59 at ±10 % of the item's cost, else issues of 1–12), so that the
     * stock wanders and sometimes runs out. Every 40th key stops moving after half the period (stale at the end).
     */
    private static void seed(Connection c, int items, int warehouses, long movements, int days, LocalDate first)
            throws Exception {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            // no foreign-key triggers while bulk loading rows that reference the rows just inserted (superuser only)
            st.execute("SET session_replication_role = replica");
            st.execute(
                    "INSERT INTO supplier (code, name) SELECT 'BS' || g, 'bench supplier ' || g FROM generate_series(1, 50) g");
            st.execute(
                    "INSERT INTO warehouse (code, name) SELECT 'BW' || g, 'bench warehouse ' || g FROM generate_series(1, "
                            + warehouses + ") g");
            st.execute(
                    "INSERT INTO location (warehouse_id, code, type) SELECT id, code || '-B1', 'STORAGE' FROM warehouse");
            st.execute("INSERT INTO item (code, name, uom, category, unit_cost) SELECT 'BI' || lpad(g::text, 7, '0'), "
                    + "'bench item ' || g, 'PCS', 'c' || (g % 20), round((1 + random() * 99)::numeric, 2) "
                    + "FROM generate_series(1, " + items + ") g");
            st.execute("""
                    INSERT INTO stock_balance (item_id, location_id, owner, owner_supplier_id, lot, on_hand, reserved, updated_at)
                    SELECT i.id, l.id, CASE WHEN i.id % 10 = 0 THEN s.code ELSE 'OWN' END,
                           CASE WHEN i.id % 10 = 0 THEN s.id END, '', 0, 0, now()
                    FROM item i CROSS JOIN location l JOIN supplier s ON s.code = 'BS' || (1 + i.id % 50)""");
            long keys = items * (long) warehouses;
            double p = Math.max(0, (movements - keys) / (keys * (double) days * 1.5));
            System.out.printf("seeding: %,d keys, activity %.4f per key-day (one or two movements)%n", keys, p);
            st.execute("INSERT INTO stock_posting (username, posted_at) SELECT 'bench', d "
                    + "FROM generate_series(timestamptz '" + first + " 00:00Z', timestamptz '"
                    + first.plusDays(days - 1)
                    + " 00:00Z', interval '1 day') d ORDER BY d");
        }
        String sql = """
                INSERT INTO stock_movement (posting_id, balance_id, type, item_id, location_id, owner, lot, qty, unit_cost,
                                            username, posted_at)
                SELECT ?, id, type, item_id, location_id, owner, '', qty, unit_cost, 'bench', at FROM (
                  SELECT k.id, k.item_id, k.location_id, k.owner,
                         CASE WHEN m.receipt THEN 'RECEIPT' WHEN k.owner = 'OWN' THEN 'ISSUE' ELSE 'CONSUME' END AS type,
                         CASE WHEN ? THEN 100 WHEN m.receipt THEN 20 + floor(random() * 40) ELSE -(1 + floor(random() * 12)) END AS qty,
                         CASE WHEN m.receipt THEN round(k.unit_cost * (0.9 + 0.2 * random())::numeric, 4) END AS unit_cost,
                         CAST(? AS TIMESTAMPTZ) + n * interval '4 hours' + random() * interval '3 hours' AS at
                  FROM (SELECT b.id, b.item_id, b.location_id, b.owner, i.unit_cost, random() AS u, random() AS v
                        FROM stock_balance b JOIN item i ON i.id = b.item_id) k
                  CROSS JOIN generate_series(1, 2) n
                  CROSS JOIN LATERAL (SELECT ? OR random() < 0.15 + 0 * k.id AS receipt) m
                  WHERE (? AND n = 1) OR (NOT ? AND k.u < ? AND (n = 1 OR k.v < 0.5) AND (k.id % 40 <> 0 OR ?))
                ) x ORDER BY at""";
        long t = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql);
                PreparedStatement posting =
                        c.prepareStatement("SELECT id FROM stock_posting WHERE posted_at = CAST(? AS TIMESTAMPTZ)")) {
            c.createStatement().execute("SET session_replication_role = replica");
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                posting.setString(1, day + " 00:00Z");
                long postingId;
                try (ResultSet rs = posting.executeQuery()) {
                    rs.next();
                    postingId = rs.getLong(1);
                }
                boolean opening = d == 0;
                ps.setLong(1, postingId);
                ps.setBoolean(2, opening);
                ps.setString(3, day + " 02:00Z");
                ps.setBoolean(4, opening);
                ps.setBoolean(5, opening);
                ps.setBoolean(6, opening);
                ps.setDouble(
                        7,
                        Math.max(
                                0,
                                (movements - items * (long) warehouses) / (items * (double) warehouses * days * 1.5)));
                ps.setBoolean(8, d < days / 2);
                ps.executeUpdate();
                if ((d + 1) % 60 == 0) {
                    System.out.printf("  day %d/%d seeded (%.0f s, load %s)%n", d + 1, days, seconds(t), loadAverage());
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("""
                    UPDATE stock_balance b SET on_hand = s.q
                    FROM (SELECT balance_id, SUM(qty) AS q FROM stock_movement GROUP BY balance_id) s
                    WHERE b.id = s.balance_id""");
            st.execute("VACUUM ANALYZE");
        }
    }

    /**
     * For a full-size run within the time box: the snapshots of every movement but the last {@code jobMovements} are
     * derived here in set-based SQL, and the job folds the rest. Quantities, receipts, issues and demand are exact;
     * values are at the item's cost (the seeded receipts vary ±10 % around it) instead of FIFO, and each key gets one
     * layer (its stock at its last receipt day). The read endpoints see tables of the size the job would write.
     */
    private static void derivePrefix(JdbcTemplate jdbc, long jobMovements) {
        long t = System.nanoTime();
        long boundary = jdbc.queryForObject("SELECT MAX(id) FROM stock_movement", Long.class) - jobMovements;
        jdbc.update("""
                INSERT INTO analytics_daily (item, warehouse, owner, snapshot_day, closing_qty, closing_value, receipt_qty,
                                             issue_qty, issue_cost, demand_qty)
                SELECT i.code, w.code, d.owner, d.day, d.closing, d.closing * i.unit_cost, d.received, d.issued,
                       d.issued * i.unit_cost, d.issued
                FROM (SELECT balance_id, item_id, location_id, owner, day, received, issued,
                             SUM(net) OVER (PARTITION BY balance_id ORDER BY day) AS closing
                      FROM (SELECT balance_id, item_id, location_id, owner, CAST(posted_at AT TIME ZONE 'UTC' AS DATE) AS day,
                                   SUM(qty) AS net, COALESCE(SUM(qty) FILTER (WHERE qty > 0), 0) AS received,
                                   COALESCE(-SUM(qty) FILTER (WHERE type IN ('ISSUE', 'CONSUME')), 0) AS issued
                            FROM stock_movement WHERE id <= ? GROUP BY 1, 2, 3, 4, 5) g) d
                JOIN item i ON i.id = d.item_id JOIN location l ON l.id = d.location_id JOIN warehouse w ON w.id = l.warehouse_id""", boundary);
        jdbc.update("""
                INSERT INTO analytics_layer (item, warehouse, owner, seq, received_on, qty, unit_cost)
                SELECT i.code, w.code, s.owner, 0, s.last_receipt, s.qty, i.unit_cost
                FROM (SELECT item_id, location_id, owner, SUM(qty) AS qty,
                             MAX(CAST(posted_at AT TIME ZONE 'UTC' AS DATE)) FILTER (WHERE qty > 0) AS last_receipt
                      FROM stock_movement WHERE id <= ? GROUP BY 1, 2, 3) s
                JOIN item i ON i.id = s.item_id JOIN location l ON l.id = s.location_id JOIN warehouse w ON w.id = l.warehouse_id
                WHERE s.qty <> 0 AND s.last_receipt IS NOT NULL""", boundary);
        jdbc.update("INSERT INTO analytics_item_cost (item, unit_cost) SELECT code, unit_cost FROM item");
        jdbc.update("UPDATE analytics_cursor SET last_movement_id = ? WHERE name = 'snapshots'", boundary);
        // the group facts (ADR 0079) are built again from the derived rows before the job folds the rest
        jdbc.update("UPDATE analytics_cursor SET last_movement_id = 0 WHERE name = 'group-facts'");
        jdbc.execute("VACUUM ANALYZE analytics_daily");
        jdbc.execute("VACUUM ANALYZE analytics_layer");
        System.out.printf(
                "derived the snapshots of movements 1..%,d in SQL in %.1f s (load %s)%n",
                boundary, seconds(t), loadAverage());
    }

    /**
     * Builds the group facts of ADR 0079 from the daily rows when they are still to build (a database derived above,
     * or kept by an earlier run with code before them: the migration leaves them to build), timed.
     */
    private static void buildGroupFacts(org.springframework.context.ApplicationContext context, JdbcTemplate jdbc)
            throws Exception {
        Object store = context.getBean(Class.forName(
                "org.openvmi.analytics.internal.GroupFactsStore", true, AnalyticsBench.class.getClassLoader()));
        long t = System.nanoTime();
        long cpu0 = cpuNanos();
        long pg0 = pgCpuNanos(jdbc);
        boolean built = (boolean) store.getClass().getMethod("buildIfNeeded").invoke(store);
        if (built) {
            jdbc.execute("VACUUM ANALYZE analytics_group_day");
            System.out.printf(
                    "built %,d group-fact rows from the daily rows in %.1f s (CPU: JVM %.1f s + PostgreSQL %.1f s; load %s)%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM analytics_group_day", Long.class),
                    seconds(t),
                    (cpuNanos() - cpu0) / 1e9,
                    (pgCpuNanos(jdbc) - pg0) / 1e9,
                    loadAverage());
        }
    }

    /**
     * The product's job folds the backlog, timed: batches of the product's size ({@code SnapshotBatch.run}) one after
     * the other, as {@code AnalyticsSnapshots.catchUp} runs them. The CPU is printed for the whole and for the second
     * half of the movements alone: the first batches run while the JIT still compiles the job's code (on 2 cores for
     * tens of seconds), so the second half is the warm cost per movement.
     */
    private static void catchUp(ConfigurableApplicationContext context, JdbcTemplate jdbc, int size) throws Exception {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM stock_movement", Long.class);
        long pending = jdbc.queryForObject(
                "SELECT COUNT(*) FROM stock_movement WHERE id > (SELECT last_movement_id FROM analytics_cursor "
                        + "WHERE name = 'snapshots')",
                Long.class);
        Object batch = context.getBean(Class.forName(
                "org.openvmi.analytics.internal.SnapshotBatch", true, AnalyticsBench.class.getClassLoader()));
        java.lang.reflect.Method run = batch.getClass().getMethod("run", int.class);
        AtomicBoolean running = new AtomicBoolean(true);
        long t = System.nanoTime();
        long cpu0 = cpuNanos();
        long pg0 = pgCpuNanos(jdbc);
        Thread progress = new Thread(() -> {
            while (running.get()) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    return;
                }
                Long cursor = jdbc.queryForObject(
                        "SELECT last_movement_id FROM analytics_cursor WHERE name = 'snapshots'", Long.class);
                System.out.printf(
                        "  catch-up: cursor %,d of %,d after %.0f s (load %s)%n",
                        cursor, total, seconds(t), loadAverage());
            }
        });
        progress.setDaemon(true);
        progress.start();
        long done = 0;
        long halfDone = -1;
        long halfT = 0;
        long halfCpu = 0;
        long halfPg = 0;
        int n;
        do {
            n = (int) run.invoke(batch, size);
            done += n;
            if (halfDone < 0 && done >= pending / 2) {
                halfDone = done;
                halfT = System.nanoTime();
                halfCpu = cpuNanos();
                halfPg = pgCpuNanos(jdbc);
            }
        } while (n == size);
        running.set(false);
        progress.interrupt();
        double s = seconds(t);
        long cpu1 = cpuNanos();
        long pg1 = pgCpuNanos(jdbc);
        System.out.printf(
                "catch-up: %,d movements folded in %.1f s = %,.0f movements/s (JVM CPU %.1f s, PostgreSQL CPU "
                        + "%.1f s, load %s); %,d daily rows, %,d layers%n",
                done,
                s,
                done / s,
                (cpu1 - cpu0) / 1e9,
                (pg1 - pg0) / 1e9,
                loadAverage(),
                jdbc.queryForObject("SELECT COUNT(*) FROM analytics_daily", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM analytics_layer", Long.class));
        if (halfDone > 0 && done > halfDone) {
            long m = done - halfDone;
            System.out.printf(
                    Locale.ROOT,
                    "catch-up, second half (JIT warm): %,d movements in %.1f s, JVM CPU %.2f s + PostgreSQL CPU %.2f s "
                            + "= %.1f + %.1f = %.1f µs per movement (load %s)%n",
                    m,
                    (System.nanoTime() - halfT) / 1e9,
                    (cpu1 - halfCpu) / 1e9,
                    (pg1 - halfPg) / 1e9,
                    (cpu1 - halfCpu) / 1e3 / m,
                    (pg1 - halfPg) / 1e3 / m,
                    ((cpu1 - halfCpu) + (pg1 - halfPg)) / 1e3 / m,
                    loadAverage());
        }
        jdbc.execute("VACUUM ANALYZE analytics_daily");
        jdbc.execute("VACUUM ANALYZE analytics_layer");
        jdbc.execute("VACUUM ANALYZE analytics_monthly");
    }

    /** Each analytics endpoint over the year: the first call (cold) and {@code warm} more; prints a table row each. */
    private static void endpoints(
            JdbcTemplate jdbc, String baseUrl, String apiKey, LocalDate from, LocalDate to, int warm) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String year = "from=" + from + "&to=" + to;
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("kpis (year)", "/api/v1/analytics/kpis?" + year);
        calls.put("kpis (year, warehouse BW1)", "/api/v1/analytics/kpis?warehouse=BW1&" + year);
        calls.put("kpis (year, supplier BS2)", "/api/v1/analytics/kpis?supplier=BS2&" + year);
        calls.put("kpis (last 30 days)", "/api/v1/analytics/kpis?to=" + to);
        calls.put("aging", "/api/v1/analytics/aging");
        calls.put("abc (year)", "/api/v1/analytics/abc?" + year);
        calls.put("stale", "/api/v1/analytics/stale?asOf=" + to);
        calls.put("scorecard BS1 (year)", "/api/v1/analytics/suppliers/BS1/scorecard?" + year);
        System.out.printf(
                "%n| endpoint | cold s | warm s (median of %d) | CPU s per warm call (JVM + PostgreSQL) | response KB "
                        + "| goal < 2 s |%n|---|---:|---:|---:|---:|---|%n",
                warm);
        for (Map.Entry<String, String> call : calls.entrySet()) {
            double cold = 0;
            double[] warmTimes = new double[warm];
            int size = 0;
            long cpuWarm = 0;
            long pgWarm = 0;
            for (int i = 0; i <= warm; i++) {
                long cpu0 = cpuNanos();
                long pg0 = pgCpuNanos(jdbc);
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + call.getValue()))
                                .header("X-API-Key", apiKey)
                                .timeout(Duration.ofMinutes(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                double s = seconds(t);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(call.getValue() + ": " + r.statusCode() + " " + r.body());
                }
                size = r.body().getBytes(StandardCharsets.UTF_8).length;
                if (i > 0) {
                    cpuWarm += cpuNanos() - cpu0;
                    pgWarm += pgCpuNanos(jdbc) - pg0;
                }
                if (i == 0) {
                    cold = s;
                } else {
                    warmTimes[i - 1] = s;
                }
            }
            Arrays.sort(warmTimes);
            double median = warm == 0 ? Double.NaN : warmTimes[warm / 2];
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f + %.2f | %d | %s |  (load %s)%n",
                    call.getKey(),
                    cold,
                    median,
                    warm == 0 ? Double.NaN : cpuWarm / 1e9 / warm,
                    warm == 0 ? Double.NaN : pgWarm / 1e9 / warm,
                    size / 1024,
                    Math.max(cold, warm == 0 ? 0 : median) < 2 ? "MET" : "MISSED",
                    loadAverage());
        }
    }

    /**
     * The posting path (in-process {@code InventoryLedger.post}, 8 clients, single-line receipts and issues of one
     * unit on 800 own keys) with the snapshot upkeep stopped and running (a thread catching up every second, far more
     * often than the product's one minute), alternately; the backlog is folded between runs, unmeasured.
     */
    private static void posting(
            ConfigurableApplicationContext context,
            JdbcTemplate jdbc,
            Object snapshots,
            int warehouses,
            int seconds,
            int rounds,
            int jitWarmup)
            throws Throwable {
        LedgerClient service = new LedgerClient.Service(context);
        List<LedgerClient.Line> keys = new ArrayList<>();
        List<String> codes =
                jdbc.queryForList("SELECT code FROM item WHERE id % 10 <> 0 ORDER BY id LIMIT 200", String.class);
        for (String item : codes) {
            for (int w = 1; w <= warehouses; w++) {
                keys.add(new LedgerClient.Line("RECEIPT", item, "BW" + w + "-B1", 1_000_000));
            }
        }
        for (int i = 0; i < keys.size(); i += 100) {
            service.post(keys.subList(i, Math.min(keys.size(), i + 100)), null);
        }
        IntFunction<Supplier<List<LedgerClient.Line>>> workload = client -> {
            Random random = new Random(1_000L * client);
            int[] n = {0};
            return () -> {
                LedgerClient.Line k = keys.get(random.nextInt(keys.size()));
                return List.of(new LedgerClient.Line(n[0]++ % 2 == 0 ? "RECEIPT" : "ISSUE", k.item(), k.location(), 1));
            };
        };
        System.out.printf("%nposting path: JIT warm-up %d s (--jit-warmup)%n", jitWarmup);
        LoadRun.run("warm-up", "service", service, 8, Duration.ZERO, Duration.ofSeconds(jitWarmup), false, workload);
        java.lang.reflect.Method catchUp = snapshots.getClass().getMethod("catchUp");
        double[] off = new double[rounds];
        double[] on = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (boolean upkeep : new boolean[] {false, true}) {
                Thread.sleep(11_000); // past the settle lag, so the backlog below is all of it
                catchUp.invoke(snapshots);
                AtomicBoolean running = new AtomicBoolean(upkeep);
                long[] folded = {0};
                long[] jobCpu = {0};
                Thread job = new Thread(() -> {
                    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    while (running.get()) {
                        try {
                            long c0 = threads.getCurrentThreadCpuTime();
                            folded[0] += (long) catchUp.invoke(snapshots);
                            jobCpu[0] += threads.getCurrentThreadCpuTime() - c0;
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                job.setDaemon(true);
                job.start();
                long cpu0 = cpuNanos();
                long pg0 = pgCpuNanos(jdbc);
                LoadRun.Result result = LoadRun.run(
                        "single",
                        "service",
                        service,
                        8,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(seconds),
                        false,
                        workload);
                double cpu = (cpuNanos() - cpu0) / 1e9;
                double pgCpu = (pgCpuNanos(jdbc) - pg0) / 1e9;
                running.set(false);
                job.join();
                (upkeep ? on : off)[r] = result.postingsPerSecond();
                System.out.printf(
                        Locale.ROOT,
                        "round %d upkeep %-3s: %8.0f postings/s  p50 %.2f ms  p99 %.2f ms  "
                                + "refused %d errors %d  CPU JVM %.1f s + PostgreSQL %.1f s = %.2f ms per posting  "
                                + "folded %,d (job thread CPU %.0f µs per movement)  (load %s)%n",
                        r + 1,
                        upkeep ? "on" : "off",
                        result.postingsPerSecond(),
                        result.p50Millis(),
                        result.p99Millis(),
                        result.refused(),
                        result.errors(),
                        cpu,
                        pgCpu,
                        1000 * (cpu + pgCpu) / (result.postingsPerSecond() * (seconds + 5)),
                        folded[0],
                        folded[0] == 0 ? 0.0 : jobCpu[0] / 1e3 / folded[0],
                        loadAverage());
            }
        }
        double meanOff = Arrays.stream(off).average().orElse(Double.NaN);
        double meanOn = Arrays.stream(on).average().orElse(Double.NaN);
        System.out.printf(
                Locale.ROOT,
                "posting throughput: upkeep off %.0f/s, on %.0f/s: cost %.1f %% (goal < 10 %%)%n",
                meanOff,
                meanOn,
                100 * (1 - meanOn / meanOff));
    }

    /** A bench user with an API key (stored as the server stores keys: SHA-256), so HTTP calls skip bcrypt. */
    private static String benchUser(JdbcTemplate jdbc) throws Exception {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, display_name, roles, created_at)
                SELECT 'bench', 'no-password-login', 'analytics bench', 'ADMIN', CURRENT_TIMESTAMP
                WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE username = 'bench')""");
        Long userId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'bench'", Long.class);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = "ovk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        jdbc.update("""
                INSERT INTO api_key (name, key_prefix, key_hash, user_id, created_at, created_by)
                VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 'bench')""", "bench-" + secret.substring(4, 12), secret.substring(0, 12), hash, userId);
        return secret;
    }

    /**
     * CPU time of the PostgreSQL backends serving this database (the pool's connections live through a run, so the
     * difference over a run is the database's share of its work), from /proc; 0 where that cannot be read.
     */
    static long pgCpuNanos(JdbcTemplate jdbc) {
        long ticks = 0;
        for (Integer pid : jdbc.queryForList(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (Exception e) {
                // a backend that ended, or /proc not readable: counted as 0
            }
        }
        return ticks * 10_000_000L; // USER_HZ = 100
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void admin(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static Map<String, String> options(String[] args) {
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
