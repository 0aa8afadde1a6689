package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
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
 * kill -9 of the real server in the middle of a stream of multi-line postings, then a restart on the same database:
 * every acknowledged posting is there with all its lines, no posting is half there, a posting whose answer was lost
 * is either whole or absent and its retry posts it once, and reconcile is ok. On an H2 file and on PostgreSQL.
 */
class LedgerCrashIT {

    static final int CLIENTS = 4;
    /** Acknowledged postings to wait for before the kill, which then comes after a random 0.3–1.3 s more. */
    static final int ACKS_BEFORE_KILL = 20;

    static final Duration STARTUP = Duration.ofSeconds(90);
    static final String USER = "crash-admin";
    static final String PASSWORD = "crash-pass-1";
    static final String WAREHOUSE = "CRASH-W";
    static final List<String> LOCATIONS = List.of("CRASH-W-A1", "CRASH-W-A2", "CRASH-W-A3");
    static final List<String> ITEMS = List.of("CRASH-I1", "CRASH-I2", "CRASH-I3");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** One posting a client sent: its body, its number of lines, and its id when acknowledged. */
    record Sent(String reference, String body, int lines, Long postingId) {}

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void on_an_h2_file_a_kill_9_mid_stream_loses_no_acknowledged_posting_and_leaves_no_half_posted_batch()
            throws Exception {
        Path data = dir.resolve("data");
        String url = "jdbc:h2:file:" + data.toAbsolutePath() + "/openvmi"
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;RETENTION_TIME=0";
        prepare(url, "sa", "");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement st = c.createStatement()) {
            st.execute("SHUTDOWN"); // release the file for the server
        }
        crashAndCheck(List.of("--openvmi.data-dir=" + data.toAbsolutePath()), url, "sa", "");
    }

    @Test
    @ExtendWith(PostgresAvailable.class)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void on_postgresql_a_kill_9_mid_stream_loses_no_acknowledged_posting_and_leaves_no_half_posted_batch()
            throws Exception {
        String database = PostgresTestDatabase.createDatabase();
        try {
            String url = PostgresTestDatabase.url(database);
            String user = PostgresTestDatabase.user();
            String password = PostgresTestDatabase.password();
            prepare(url, user, password);
            crashAndCheck(
                    List.of(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=" + user,
                            "--spring.datasource.password=" + password),
                    url,
                    user,
                    password);
        } finally {
            PostgresTestDatabase.dropDatabase(database);
        }
    }

    /**
     * A fresh database has no users: migrate it here and add one admin, as an installer would. Everything else goes
     * through the REST API.
     */
    private static void prepare(String url, String user, String password) throws SQLException {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, user, password);
                var insert = c.prepareStatement("""
                     INSERT INTO app_user (username, password_hash, display_name, roles, created_at)
                     VALUES (?, ?, 'kill -9 test', 'ADMIN', CURRENT_TIMESTAMP)""")) {
            insert.setString(1, USER);
            insert.setString(2, new BCryptPasswordEncoder(4).encode(PASSWORD));
            insert.executeUpdate();
        }
    }

    private void crashAndCheck(List<String> serverArguments, String url, String user, String password)
            throws Exception {
        List<String> arguments = new ArrayList<>(serverArguments);
        arguments.addAll(List.of("--openvmi.demo-data=false", "--openvmi.security.bcrypt-strength=4"));
        Path log = dir.resolve("server.log");
        Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
        Map<String, Sent> inDoubt = new ConcurrentHashMap<>();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        PackagedServer first = new PackagedServer(log, arguments);
        try {
            first.start(STARTUP);
            Api api = new Api(http, first.baseUrl());
            createMasterData(api);

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            AtomicBoolean killed = new AtomicBoolean();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> stream(api, client, acknowledged, inDoubt, unexpected, killed)));
            }
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < ACKS_BEFORE_KILL && System.nanoTime() < waitUntil && unexpected.isEmpty()) {
                Thread.sleep(20);
            }
            assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();
            assertThat(acknowledged)
                    .as("acknowledged postings before the kill")
                    .hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
            Thread.sleep(300 + new Random().nextInt(1000));
            killed.set(true);
            first.kill();
            int acknowledgedAtKill = acknowledged.size();
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();
            System.out.printf(
                    "%s: killed with %d postings acknowledged, %d in doubt (%d acknowledged before the kill)%n",
                    url.startsWith("jdbc:h2") ? "H2 file" : "PostgreSQL",
                    acknowledged.size(),
                    inDoubt.size(),
                    acknowledgedAtKill);
        } catch (Throwable t) {
            first.kill();
            throw new AssertionError(t.getMessage() + "\nserver log:\n" + first.logTail(), t);
        }
        assertThat(unexpected).as("answers other than 201").isEmpty();

        PackagedServer second = new PackagedServer(log, arguments);
        try {
            second.start(STARTUP);
            Api api = new Api(http, second.baseUrl());
            for (Sent s : acknowledged.values()) {
                JsonNode movements = api.movementsOf(s.reference());
                assertThat(movements.get("totalElements").asLong())
                        .as("lines of acknowledged posting %s", s.reference())
                        .isEqualTo(s.lines());
                for (JsonNode m : movements.get("content")) {
                    assertThat(m.get("postingId").asLong())
                            .as("posting of %s", s.reference())
                            .isEqualTo(s.postingId());
                }
            }
            int wholeInDoubt = 0;
            for (Sent s : inDoubt.values()) {
                long before =
                        api.movementsOf(s.reference()).get("totalElements").asLong();
                wholeInDoubt += before == s.lines() ? 1 : 0;
                assertThat(before)
                        .as("lines of posting %s whose answer was lost: all or none", s.reference())
                        .isIn(0L, (long) s.lines());
                HttpResponse<String> retry = api.post(s.reference(), s.body());
                assertThat(retry.statusCode())
                        .as("retry of %s: %s", s.reference(), retry.body())
                        .isEqualTo(201);
                assertThat(api.movementsOf(s.reference()).get("totalElements").asLong())
                        .as("lines of %s after its retry: posted once", s.reference())
                        .isEqualTo(s.lines());
            }
            System.out.printf(
                    "after the restart: %d of %d postings in doubt had been committed (whole)%n",
                    wholeInDoubt, inDoubt.size());
            int replayed = 0;
            for (Sent s : acknowledged.values()) {
                if (replayed++ == 10) {
                    break;
                }
                HttpResponse<String> again = api.post(s.reference(), s.body());
                assertThat(again.statusCode()).isEqualTo(201);
                assertThat(JSON.readTree(again.body()).get("postingId").asLong())
                        .as("a retry of acknowledged %s after the restart answers the first posting", s.reference())
                        .isEqualTo(s.postingId());
            }
            JsonNode reconcile = api.get("/api/v1/stock/reconcile");
            assertThat(reconcile.get("breaks").size())
                    .as("reconcile breaks: %s", reconcile)
                    .isZero();
            assertThat(reconcile.get("ok").asBoolean()).isTrue();
        } catch (Throwable t) {
            throw new AssertionError(t.getMessage() + "\nserver log:\n" + second.logTail(), t);
        } finally {
            second.stop();
        }

        // the whole ledger, now that the server is gone: every posting is one the clients sent, with all its lines
        Map<String, Sent> sent = new HashMap<>(inDoubt);
        sent.putAll(acknowledged);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                     SELECT p.id, p.idempotency_key, COUNT(m.id) AS n FROM stock_posting p
                     LEFT JOIN stock_movement m ON m.posting_id = p.id GROUP BY p.id, p.idempotency_key""")) {
            int postings = 0;
            while (rs.next()) {
                postings++;
                Sent s = sent.get(rs.getString("idempotency_key"));
                assertThat(s)
                        .as("posting %d (key %s) was sent by a client", rs.getLong("id"), rs.getString(2))
                        .isNotNull();
                assertThat(rs.getLong("n"))
                        .as("lines of posting %s", s.reference())
                        .isEqualTo(s.lines());
            }
            assertThat(postings).as("postings in the ledger").isEqualTo(sent.size());
        }
    }

    private static void stream(
            Api api,
            int client,
            Map<String, Sent> acknowledged,
            Map<String, Sent> inDoubt,
            List<String> unexpected,
            AtomicBoolean killed) {
        Random random = new Random(client * 31L + System.nanoTime());
        for (int n = 0; ; n++) {
            String reference = "CRASH-" + client + "-" + n;
            int lines = 2 + random.nextInt(19);
            String body = body(random, reference, lines);
            try {
                HttpResponse<String> r = api.post(reference, body);
                if (r.statusCode() == 201) {
                    acknowledged.put(
                            reference,
                            new Sent(
                                    reference,
                                    body,
                                    lines,
                                    JSON.readTree(r.body()).get("postingId").asLong()));
                } else {
                    unexpected.add(reference + ": " + r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                // the server died while this posting was on its way: its outcome is unknown to the client
                inDoubt.put(reference, new Sent(reference, body, lines, null));
                if (!killed.get()) {
                    unexpected.add(reference + ": " + e);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Receipt and issue pairs (the receipt first, so no line is ever refused), and a last receipt when odd. */
    private static String body(Random random, String reference, int lines) {
        List<String> out = new ArrayList<>();
        while (out.size() < lines) {
            String item = ITEMS.get(random.nextInt(ITEMS.size()));
            String location = LOCATIONS.get(random.nextInt(LOCATIONS.size()));
            int in = 1 + random.nextInt(20);
            out.add(line("RECEIPT", item, location, in, reference));
            if (out.size() < lines) {
                out.add(line("ISSUE", item, location, 1 + random.nextInt(in), reference));
            }
        }
        return "{\"lines\":[" + String.join(",", out) + "]}";
    }

    private static String line(String type, String item, String location, int qty, String reference) {
        return "{\"type\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":%d,\"reference\":\"%s\"}"
                .formatted(type, item, location, qty, reference);
    }

    private static void createMasterData(Api api) throws IOException, InterruptedException {
        api.create("/api/v1/warehouses", "{\"code\":\"" + WAREHOUSE + "\",\"name\":\"kill -9 warehouse\"}");
        for (String location : LOCATIONS) {
            api.create(
                    "/api/v1/warehouses/" + WAREHOUSE + "/locations",
                    "{\"code\":\"" + location + "\",\"type\":\"STORAGE\"}");
        }
        for (String item : ITEMS) {
            api.create(
                    "/api/v1/items",
                    "{\"code\":\"" + item + "\",\"name\":\"kill -9 item\",\"uom\":\"PCS\"," + "\"unitCost\":2.5}");
        }
    }

    /** The REST API as the admin user. */
    record Api(HttpClient http, String baseUrl) {

        HttpResponse<String> post(String idempotencyKey, String body) throws IOException, InterruptedException {
            return http.send(
                    request("/api/v1/movements")
                            .header("Idempotency-Key", idempotencyKey)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void create(String path, String body) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(
                    request(path)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode())
                    .as("POST %s %s: %s", path, body, r.body())
                    .isEqualTo(201);
        }

        JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
            HttpResponse<String> r =
                    http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET %s: %s", pathAndQuery, r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        JsonNode movementsOf(String reference) throws IOException, InterruptedException {
            return get("/api/v1/movements?size=1000&reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        }

        private HttpRequest.Builder request(String pathAndQuery) {
            return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", PackagedServer.basicAuth(USER, PASSWORD))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json");
        }
    }
}
