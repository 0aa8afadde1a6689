package org.openvmi.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openvmi.testsupport.PackagedServer;
import org.openvmi.testsupport.PostgresAvailable;
import org.openvmi.testsupport.PostgresTestDatabase;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two packaged servers on one PostgreSQL database behave as one (issue 19 part 5, ADR 0064): a posting made on A is
 * the stock on B and its retry on B posts nothing; a UI login on A is signed in on B (Spring Session JDBC); an API key
 * used on B stops working on B within seconds of its revocation on A (the key cache); a planning run started on A is
 * seen and finished on B; a planning run is split in chunks that both instances take and suggests what one instance
 * planning the same items in one piece does (ADR 0076); a cron job firing on both at the same second runs on one of
 * them only (ShedLock).
 */
@ExtendWith(PostgresAvailable.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TwoInstancesIT {

    static final Duration STARTUP = Duration.ofSeconds(120);
    static final String USER = "two-admin";
    static final String PASSWORD = "two-pass-1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static String database;
    static PackagedServer a;
    static PackagedServer b;
    static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = PostgresTestDatabase.createDatabase();
        String url = PostgresTestDatabase.url(database);
        Flyway.configure()
                .dataSource(url, PostgresTestDatabase.user(), PostgresTestDatabase.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c =
                        DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
                var insert = c.prepareStatement("""
                     INSERT INTO app_user (username, password_hash, display_name, roles, created_at)
                     VALUES (?, ?, 'two instances', 'ADMIN', CURRENT_TIMESTAMP)""")) {
            insert.setString(1, USER);
            insert.setString(2, new BCryptPasswordEncoder(4).encode(PASSWORD));
            insert.executeUpdate();
        }
        List<String> arguments = List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--openvmi.demo-data=false",
                "--openvmi.security.bcrypt-strength=4",
                "--openvmi.planning.catch-up=false",
                // a split planning run (ADR 0076): small chunks, looked for often, so both instances take some
                "--openvmi.planning.chunk-size=5",
                "--openvmi.planning.chunk-poll=PT0.2S",
                // the nightly demand aggregation fires every second on both instances
                "--openvmi.planning.demand-cron=* * * * * *",
                "--logging.level.org.openvmi.shared.cluster=DEBUG");
        a = new PackagedServer(dir.resolve("a.log"), arguments);
        b = new PackagedServer(dir.resolve("b.log"), arguments);
        try {
            a.start(STARTUP); // Flyway's migration is done before B starts: no race of two migrations to test here
            b.start(STARTUP);
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (PackagedServer s : new PackagedServer[] {a, b}) {
            if (s != null) {
                s.stop();
            }
        }
        if (database != null) {
            PostgresTestDatabase.dropDatabase(database);
        }
    }

    @Test
    void a_posting_on_one_instance_is_the_stock_on_the_other_and_its_retry_there_posts_nothing() throws Exception {
        create(a, "/api/v1/warehouses", "{\"code\":\"TWO-W\",\"name\":\"two instances\"}");
        create(a, "/api/v1/warehouses/TWO-W/locations", "{\"code\":\"TWO-W-A1\",\"type\":\"STORAGE\"}");
        create(a, "/api/v1/items", "{\"code\":\"TWO-I1\",\"name\":\"two instances\",\"uom\":\"PCS\",\"unitCost\":2}");
        String body = "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"TWO-I1\",\"location\":\"TWO-W-A1\",\"qty\":7}]}";

        HttpResponse<String> first = send(a, post("/api/v1/movements", body).header("Idempotency-Key", "two-1"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> retry = send(b, post("/api/v1/movements", body).header("Idempotency-Key", "two-1"));
        assertThat(retry.statusCode()).as(retry.body()).isIn(200, 201);
        assertThat(JSON.readTree(retry.body()).get("postingId").asLong())
                .isEqualTo(JSON.readTree(first.body()).get("postingId").asLong());

        JsonNode stock = get(b, "/api/v1/stock?item=TWO-I1");
        assertThat(stock.get("content")).hasSize(1);
        assertThat(stock.get("content").get(0).get("onHand").decimalValue()).isEqualByComparingTo("7");
        assertThat(get(b, "/api/v1/stock/reconcile").toString()).doesNotContain("\"ok\":false");
    }

    @Test
    void a_ui_login_on_one_instance_is_signed_in_on_the_other() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(a.baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(page);
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("CSRF field on the login page").isTrue();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(a.baseUrl() + "/login"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + PASSWORD
                                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String signedIn = login.headers().firstValue("Set-Cookie").isPresent() ? sessionCookie(login) : cookie;

        for (PackagedServer instance : new PackagedServer[] {b, a, b}) {
            HttpResponse<String> home = http.send(
                    HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/"))
                            .header("Cookie", signedIn)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode())
                    .as("home page on %s with the session made on A", instance.baseUrl())
                    .isEqualTo(200);
            assertThat(home.body()).as("not the login page").doesNotContain("name=\"password\"");
        }
        HttpResponse<String> without = http.send(
                HttpRequest.newBuilder(URI.create(b.baseUrl() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode())
                .as("without the cookie B asks for a login")
                .isEqualTo(302);
    }

    @Test
    void an_api_key_revoked_on_one_instance_stops_working_on_the_other_within_seconds() throws Exception {
        HttpResponse<String> created =
                send(a, post("/api/v1/api-keys", "{\"name\":\"two instances\",\"username\":\"" + USER + "\"}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        String secret = key.get("secret").asString();
        for (int i = 0; i < 3; i++) { // B now holds the verified owner in its cache
            assertThat(withKey(b, secret)).isEqualTo(200);
        }
        HttpResponse<String> revoked =
                send(a, post("/api/v1/api-keys/" + key.get("id").asLong() + "/revoke", ""));
        assertThat(revoked.statusCode()).as(revoked.body()).isIn(200, 204);
        assertThat(withKey(a, secret)).as("on the revoking instance at once").isEqualTo(401);
        long revokedAt = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < TimeUnit.SECONDS.toNanos(5)) {
            status = withKey(b, secret);
            Thread.sleep(50);
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revokedAt);
        System.out.printf("API key revoked on A: refused on B after %d ms%n", tookMs);
        assertThat(status).as("on the other instance after %d ms", tookMs).isEqualTo(401);
        // the cache TTL is 10 s: refused within 5 s is the cache_version poll, not the entry expiring
        assertThat(tookMs).isLessThan(5000);
    }

    @Test
    void a_planning_run_started_on_one_instance_is_seen_and_finished_on_the_other() throws Exception {
        HttpResponse<String> started = send(a, post("/api/v1/planning/runs", "{}"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = JSON.readTree(started.body()).get("id").asLong();
        HttpResponse<String> overlapping = send(b, post("/api/v1/planning/runs", "{}"));
        // refused while A's run is live; a run over an empty catalog may already be done, then B's own run is fine
        assertThat(overlapping.statusCode()).as(overlapping.body()).isIn(202, 409);
        JsonNode run = get(b, "/api/v1/planning/runs/" + id);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (List.of("QUEUED", "RUNNING").contains(run.get("status").asString()) && System.nanoTime() < until) {
            Thread.sleep(200);
            run = get(b, "/api/v1/planning/runs/" + id);
        }
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
    }

    @Test
    void a_planning_run_is_split_across_both_instances_and_plans_as_one_instance_does() throws Exception {
        int n = 120;
        create(a, "/api/v1/warehouses", "{\"code\":\"SPLIT-W\",\"name\":\"split run\"}");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = "SPLIT-I%03d".formatted(i);
            create(
                    i % 2 == 0 ? a : b,
                    "/api/v1/items",
                    "{\"code\":\"" + code + "\",\"name\":\"split\",\"uom\":\"PCS\",\"unitCost\":1}");
            codes.add(code);
        }
        java.time.LocalDate sunday = java.time.LocalDate.now(java.time.ZoneId.systemDefault())
                .minusDays(1)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SUNDAY));
        try (Connection c = connect();
                var insert = c.prepareStatement("""
                     INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty)
                     VALUES ((SELECT id FROM item WHERE code = ?), (SELECT id FROM warehouse WHERE code = 'SPLIT-W'), ?, ?)""")) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 60; k++) {
                    insert.setString(1, codes.get(i));
                    insert.setObject(2, sunday.minusDays(7L * k + 4));
                    insert.setBigDecimal(3, java.math.BigDecimal.valueOf(5 + i % 17 + (k * (i + 3)) % 7));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }

        long split = finished(send(a, post("/api/v1/planning/runs", "{\"warehouse\":\"SPLIT-W\"}")));
        java.util.Map<String, Integer> doneBy = new java.util.TreeMap<>();
        try (Connection c = connect();
                var q = c.prepareStatement("SELECT claimed_by, COUNT(*), SUM(pairs) FROM planning_run_chunk"
                        + " WHERE run_id = ? AND status = 'DONE' GROUP BY claimed_by")) {
            q.setLong(1, split);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    doneBy.put(rs.getString(1), rs.getInt(3));
                }
            }
        }
        System.out.printf("Split planning run %d: item-warehouses planned per instance %s%n", split, doneBy);
        assertThat(doneBy).as("chunks taken by A and B").hasSize(2);
        assertThat(doneBy.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);

        // the same items named one by one: planned in one piece on A alone
        String named = String.join("\",\"", codes);
        long whole = finished(
                send(a, post("/api/v1/planning/runs", "{\"warehouse\":\"SPLIT-W\",\"items\":[\"" + named + "\"]}")));
        List<String> splitResult = planned(split);
        assertThat(splitResult.stream().filter(r -> r.startsWith("F ")))
                .as("a forecast per item")
                .hasSize(n);
        assertThat(splitResult.stream().filter(r -> r.startsWith("S ")))
                .as("suggestions")
                .isNotEmpty();
        assertThat(splitResult).as("nothing planned twice").doesNotHaveDuplicates();
        assertThat(planned(whole)).isEqualTo(splitResult);
    }

    /** Waits for a started run to end; returns its id once it is DONE. */
    private static long finished(HttpResponse<String> started) throws Exception {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = JSON.readTree(started.body()).get("id").asLong();
        JsonNode run = get(b, "/api/v1/planning/runs/" + id);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (List.of("QUEUED", "RUNNING").contains(run.get("status").asString()) && System.nanoTime() < until) {
            Thread.sleep(200);
            run = get(b, "/api/v1/planning/runs/" + id);
        }
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
        return id;
    }

    /** A run's forecasts and suggestions per item, in item order, without the run's id. */
    private static List<String> planned(long run) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect();
                var q = c.prepareStatement("""
                     SELECT 'F ' || i.code || ' ' || f.model || ' ' || f.safety || ' ' || f.reorder_point || ' '
                            || f.order_up_to || ' ' || f.forecast_csv
                     FROM planning_forecast f JOIN item i ON i.id = f.item_id WHERE f.run_id = ?
                     UNION ALL
                     SELECT 'S ' || i.code || ' ' || s.type || ' ' || s.qty || ' ' || s.forecast_qty
                     FROM planning_suggestion s JOIN item i ON i.id = s.item_id WHERE s.run_id = ?
                     ORDER BY 1""")) {
            q.setLong(1, run);
            q.setLong(2, run);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(
                PostgresTestDatabase.url(database), PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    @Test
    void a_cron_job_firing_on_both_instances_runs_on_one() throws Exception {
        // the demand aggregation fires every second on both; its lock is held a minute after each run (clock skew)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((lines(a, SKIPPED).isEmpty() || lines(b, SKIPPED).isEmpty() || runs().isEmpty())
                && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        assertThat(lines(a, SKIPPED)).as("firings A skipped").isNotEmpty();
        assertThat(lines(b, SKIPPED)).as("firings B skipped").isNotEmpty();
        List<Instant> runs = runs();
        assertThat(runs).as("runs on A and B").isNotEmpty();
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1), runs.get(i)))
                    .as("time between two runs of the job on A or B, which both fire it every second: %s", runs)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(59));
        }
    }

    static final String RAN = "Job planning-demand-history started on this instance";
    static final String SKIPPED = "Job planning-demand-history skipped";

    /** When the job ran, on A or B, in order (the log lines start with their time). */
    private static List<Instant> runs() throws IOException {
        List<Instant> runs = new ArrayList<>();
        for (PackagedServer s : new PackagedServer[] {a, b}) {
            for (String line : lines(s, RAN)) {
                runs.add(OffsetDateTime.parse(line.substring(0, line.indexOf(' ')))
                        .toInstant());
            }
        }
        Collections.sort(runs);
        return runs;
    }

    private static List<String> lines(PackagedServer s, String text) throws IOException {
        Path log = dir.resolve(s == a ? "a.log" : "b.log");
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).toList();
        }
    }

    private static String sessionCookie(HttpResponse<?> r) {
        String set = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION cookie: " + r.headers()));
        return set.substring(0, set.indexOf(';'));
    }

    private static int withKey(PackagedServer s, String secret) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/v1/items?size=1"))
                                .header("X-API-Key", secret)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void create(PackagedServer s, String path, String body) throws Exception {
        HttpResponse<String> r = send(s, post(path, body));
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(201);
    }

    private static JsonNode get(PackagedServer s, String path) throws Exception {
        HttpResponse<String> r = send(s, request(path).GET());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpRequest.Builder post(String path, String body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://placeholder" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", PackagedServer.basicAuth(USER, PASSWORD))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static HttpResponse<String> send(PackagedServer s, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpRequest target = HttpRequest.newBuilder(built, (n, v) -> true)
                .uri(URI.create(s.baseUrl()
                        + built.uri().getRawPath()
                        + (built.uri().getRawQuery() == null
                                ? ""
                                : "?" + built.uri().getRawQuery())))
                .build();
        return http.send(target, HttpResponse.BodyHandlers.ofString());
    }
}
