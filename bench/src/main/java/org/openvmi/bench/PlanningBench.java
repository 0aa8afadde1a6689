package org.openvmi.bench;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end planning bench: a fresh PostgreSQL database, the application started in this JVM, N item-warehouses
 * (items × warehouses) with 104 weeks of weekly demand (a third intermittent, the rest seasonal with noise), stock
 * on hand and a primary source per item; then one planning run over everything, timed from start to DONE, with the
 * run's own split (read, fit, write). A small warm-up run (one category) goes first so the JIT is not measured.
 * <p>
 * Options: {@code --pg-url} (jdbc:postgresql://127.0.0.1:5432/test), {@code --pg-user} (postgres),
 * {@code --pg-password}, {@code --items} (25000), {@code --warehouses} (4), {@code --weeks} (104),
 * {@code --keep-database}, and any product setting as {@code --openvmi.planning.backtest-origins=1}.
 */
public final class PlanningBench {

    private PlanningBench() {}

    public static void main(String[] args) throws Throwable {
        Map<String, String> o = options(args);
        String pgUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
        String pgUser = o.getOrDefault("pg-user", "postgres");
        String pgPassword = o.getOrDefault("pg-password", "");
        int items = Integer.parseInt(o.getOrDefault("items", "25000"));
        int warehouses = Integer.parseInt(o.getOrDefault("warehouses", "4"));
        int weeks = Integer.parseInt(o.getOrDefault("weeks", "104"));
        String db = "openvmi_planbench_" + Long.toString(System.currentTimeMillis(), 36);
        System.out.printf(
                "OpenVMI planning bench: %d cores, load average %s, Java %s, database %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"), db);
        admin(pgUrl, pgUser, pgPassword, "CREATE DATABASE " + db);
        ConfigurableApplicationContext context = null;
        try {
            String url = pgUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + db) + "?reWriteBatchedInserts=true";
            SpringApplication application = new SpringApplication(
                    Class.forName("org.openvmi.OpenVmiApplication", true, PlanningBench.class.getClassLoader()));
            List<String> appArgs = new java.util.ArrayList<>(List.of(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + pgUser,
                    "--spring.datasource.password=" + pgPassword,
                    "--server.port=0",
                    "--openvmi.demo-data=false",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.org.openvmi.planning=INFO"));
            // product settings may be given too, e.g. --openvmi.planning.backtest-origins=1
            o.forEach((k, v) -> {
                if (k.startsWith("openvmi.")) {
                    appArgs.add("--" + k + "=" + v);
                }
            });
            System.out.println("settings: " + appArgs.subList(4, appArgs.size()));
            context = application.run(appArgs.toArray(new String[0]));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            long t = System.nanoTime();
            seed(jdbc, items, warehouses, weeks);
            System.out.printf(
                    "seeded %,d item-warehouses × %d weeks (%,d demand rows) in %.1f s%n",
                    items * warehouses,
                    weeks,
                    jdbc.queryForObject("SELECT COUNT(*) FROM demand_history", Long.class),
                    seconds(t));

            Object runs = context.getBean(
                    Class.forName("org.openvmi.planning.PlanningRuns", true, PlanningBench.class.getClassLoader()));
            Class<?> request =
                    Class.forName("org.openvmi.planning.RunRequest", true, PlanningBench.class.getClassLoader());
            Object warmup = request.getConstructors()[0].newInstance(null, null, "c0", null, null, null);
            run(runs, request, warmup, "warm-up (category c0)");
            run(runs, request, null, "full run");
        } finally {
            if (context != null) {
                context.close();
            }
            if (!o.containsKey("keep-database")) {
                admin(pgUrl, pgUser, pgPassword, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static void run(Object runs, Class<?> requestType, Object request, String label) throws Exception {
        Method start = runs.getClass().getMethod("start", requestType);
        Method get = runs.getClass().getMethod("get", long.class);
        long t = System.nanoTime();
        Object view = start.invoke(runs, request);
        long id = (long) view.getClass().getMethod("id").invoke(view);
        String status;
        while (true) {
            view = get.invoke(runs, id);
            status = (String) view.getClass().getMethod("status").invoke(view);
            if ("DONE".equals(status) || "FAILED".equals(status)) {
                break;
            }
            Thread.sleep(200);
        }
        double wall = seconds(t);
        Map<String, Object> v = new LinkedHashMap<>();
        for (String f : List.of(
                "status",
                "total",
                "suggestions",
                "readMs",
                "fitMs",
                "writeMs",
                "models",
                "suggestionsByType",
                "error")) {
            v.put(f, view.getClass().getMethod(f).invoke(view));
        }
        System.out.printf("%s: %s in %.1f s wall (load %s)%n  %s%n", label, status, wall, loadAverage(), v);
    }

    /** Master data, stock and demand in set-based SQL (generate_series), then ANALYZE. */
    private static void seed(JdbcTemplate jdbc, int items, int warehouses, int weeks) {
        jdbc.update(
                "INSERT INTO supplier (code, name) SELECT 'BS' || g, 'bench supplier ' || g FROM generate_series(1, 50) g");
        jdbc.update(
                "INSERT INTO warehouse (code, name) SELECT 'BW' || g, 'bench warehouse ' || g FROM generate_series(1, ?) g",
                warehouses);
        jdbc.update(
                "INSERT INTO location (warehouse_id, code, type) SELECT id, code || '-B1', 'STORAGE' FROM warehouse");
        jdbc.update("""
                INSERT INTO item (code, name, uom, category)
                SELECT 'BI' || lpad(g::text, 7, '0'), 'bench item ' || g, 'PCS', 'c' || (g % 20) FROM generate_series(1, ?) g""", items);
        jdbc.update("""
                INSERT INTO supplier_item (supplier_id, item_id, price, currency, moq, pack_size, lead_time_days, is_primary)
                SELECT (SELECT id FROM supplier WHERE code = 'BS' || (1 + i.id % 50)), i.id, 2.5, 'CNY',
                       (i.id % 4) * 10, 1 + (i.id % 3) * 5, 7 + (i.id % 15), TRUE FROM item i""");
        jdbc.update("""
                INSERT INTO stock_balance (item_id, location_id, owner, lot, on_hand, reserved, updated_at)
                SELECT i.id, l.id, 'OWN', '', floor(random() * 400), 0, now() FROM item i CROSS JOIN location l""");
        LocalDate sunday = LocalDate.now().minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate first = sunday.minusDays(weeks * 7L - 1);
        jdbc.update("""
                INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty)
                SELECT i.id, w.id, CAST(? AS DATE) + 7 * k + 2,
                       CASE WHEN i.id % 3 = 0 THEN CASE WHEN random() < 0.7 THEN 0 ELSE floor(1 + random() * 20) END
                            ELSE greatest(0, round(20 + (i.id % 7) + 8 * sin(2 * pi() * k / 52.0) + 6 * (random() - 0.5)))
                       END
                FROM item i CROSS JOIN warehouse w CROSS JOIN generate_series(0, ? - 1) k""", java.sql.Date.valueOf(first), weeks);
        // steady state: the nightly aggregation of the ledger has run (there are no movements here anyway)
        jdbc.update(
                "UPDATE planning_demand_watermark SET through_date = ?",
                java.sql.Date.valueOf(LocalDate.now().minusDays(1)));
        jdbc.execute("VACUUM ANALYZE");
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
