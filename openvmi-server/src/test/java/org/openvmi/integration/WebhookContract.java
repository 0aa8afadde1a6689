package org.openvmi.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.AlertTestData;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end against a real HTTP receiver in the test: alerts raised through the API, the event outbox
 * written in the posting's transaction, the deliveries and the dispatcher. Backoff shortened to 200 ms and 3 attempts.
 * Run on H2 and PostgreSQL.
 */
@TestPropertySource(
        properties = {
            "openvmi.webhooks.dispatch-interval=200ms",
            "openvmi.webhooks.backoff-base=200ms",
            "openvmi.webhooks.max-attempts=3",
            "openvmi.webhooks.request-timeout=3s"
        })
abstract class WebhookContract {

    static final String SECRET = "test-secret-0123456789";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    org.openvmi.shared.cluster.CacheVersions cacheVersions;

    @Autowired
    org.openvmi.integration.internal.WebhookRepository webhookRows;

    @Autowired
    org.openvmi.integration.internal.BrokerPublisher publisher;

    WebhookReceiver receiver;
    long webhook;

    @BeforeEach
    void start() throws Exception {
        Fixtures.ensure(jdbc, users);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() throws Exception {
        if (webhook != 0) {
            mvc.perform(delete("/api/v1/webhooks/" + webhook).with(as(Role.ADMIN)))
                    .andExpect(status().isNoContent());
        }
        receiver.close();
    }

    private long register(String json) throws Exception {
        String body = mvc.perform(post("/api/v1/webhooks")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body).get("id").asLong();
    }

    private JsonNode deliveries() throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/webhooks/" + webhook + "/deliveries")
                                .with(as(Role.ADMIN)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("content");
    }

    /** The receiver's own check, written without the application's code. */
    static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256="
                + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_receiver_gets_each_raised_alert_as_signed_json_and_the_log_shows_it_delivered() throws Exception {
        String response = mvc.perform(post("/api/v1/webhooks")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET
                                + "\",\"eventTypes\":[\"alert.raised\"],\"description\":\"ERP\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(SECRET))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        webhook = JSON.readTree(response).get("id").asLong();
        mvc.perform(get("/api/v1/webhooks/" + webhook).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andExpect(jsonPath("$.eventTypes[0]").value("alert.raised"));

        AlertTestData data = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        data.crossSafetyAndWarning();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.mentioning(data.item).size() == 2);
        Set<String> types = new java.util.HashSet<>();
        Set<Long> alertIds = new java.util.HashSet<>();
        Set<String> deliveryIds = new java.util.HashSet<>();
        for (WebhookReceiver.Received r : receiver.mentioning(data.item)) {
            String timestamp = r.header("X-OpenVMI-Timestamp");
            assertThat(r.header("X-OpenVMI-Signature")).isEqualTo(hmac(SECRET, timestamp, r.body()));
            assertThat(r.header("X-OpenVMI-Signature"))
                    .isNotEqualTo(hmac("another-secret-xxxxxxx", timestamp, r.body()));
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)))
                    .isLessThan(300);
            assertThat(r.header("X-OpenVMI-Event")).isEqualTo("alert.raised");
            assertThat(r.header("Content-Type")).startsWith("application/json");
            deliveryIds.add(r.header("X-OpenVMI-Delivery"));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("event").asString()).isEqualTo("alert.raised");
            JsonNode alert = body.get("data");
            assertThat(alert.get("item").asString()).isEqualTo(data.item);
            assertThat(alert.get("warehouse").asString()).isEqualTo(data.warehouse);
            assertThat(alert.get("unit").asString()).isEqualTo("PCS");
            alertIds.add(alert.get("alertId").asLong());
            types.add(alert.get("type").asString() + "<"
                    + alert.get("line").decimalValue().toPlainString() + " at "
                    + alert.get("stock").decimalValue().toPlainString());
        }
        // one alert, raised below the warning line and escalated below safety: each is an alert.raised of its level
        assertThat(types).containsExactlyInAnyOrder("BELOW_SAFETY<20 at 12", "BELOW_WARNING<50 at 45");
        assertThat(alertIds).hasSize(1);
        assertThat(deliveryIds).hasSize(2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode log = deliveries();
            assertThat(log.size()).isEqualTo(2);
            for (JsonNode d : log) {
                assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
                assertThat(d.get("attempts").asInt()).isEqualTo(1);
                assertThat(d.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(200);
                assertThat(deliveryIds).contains(d.get("deliveryId").asString());
            }
        });
    }

    @Test
    void a_failing_receiver_is_retried_with_backoff_then_marked_failed_and_can_be_redelivered() throws Exception {
        receiver.answerWith(500);
        webhook = register("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"alert.raised\",\"alert.resolved\"]}");
        AlertTestData data = new AlertTestData(mvc, null);
        data.crossSafetyAndWarning();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode log = deliveries();
            assertThat(log.size()).isEqualTo(2);
            for (JsonNode d : log) {
                assertThat(d.get("status").asString()).isEqualTo("FAILED");
            }
        });
        JsonNode failed = deliveries().get(0);
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(failed.get("lastError").asString()).isEqualTo("HTTP 500");
        assertThat(failed.get("lastErrorCode").asString()).as("ADR 0084").isEqualTo("httpStatus");
        JsonNode attempts = failed.get("attemptLog");
        assertThat(attempts.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.get(i).get("attemptNo").asInt()).isEqualTo(i + 1);
            assertThat(attempts.get(i).get("statusCode").asInt()).isEqualTo(500);
            assertThat(attempts.get(i).get("error").asString()).isEqualTo("HTTP 500");
            assertThat(attempts.get(i).get("errorCode").asString()).isEqualTo("httpStatus");
        }
        // backoff: the pauses grow (200 ms, then 400 ms)
        Instant a1 = Instant.parse(attempts.get(0).get("at").asString());
        Instant a2 = Instant.parse(attempts.get(1).get("at").asString());
        Instant a3 = Instant.parse(attempts.get(2).get("at").asString());
        assertThat(Duration.between(a1, a2)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(a2, a3)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        // the receiver saw the same delivery id three times: it can tell a retry from a new event
        String deliveryId = failed.get("deliveryId").asString();
        assertThat(receiver.mentioning(data.item).stream()
                        .filter(r -> deliveryId.equals(r.header("X-OpenVMI-Delivery"))))
                .hasSize(3);

        receiver.answerWith(204);
        mvc.perform(post("/api/v1/webhooks/" + webhook + "/deliveries/"
                                + failed.get("id").asLong() + "/redeliver")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get("/api/v1/webhooks/" + webhook + "/deliveries/"
                                        + failed.get("id").asLong())
                                .with(as(Role.ADMIN)))
                        .andExpect(jsonPath("$.status").value("DELIVERED"))
                        .andExpect(jsonPath("$.attemptLog.length()").value(4))
                        .andExpect(jsonPath("$.attemptLog[3].attemptNo").value(4))
                        .andExpect(jsonPath("$.attemptLog[3].statusCode").value(204))
                        .andExpect(jsonPath("$.attempts").value(4)));
    }

    @Test
    void a_failed_delivery_holds_the_later_deliveries_of_its_key_until_it_is_delivered() throws Exception {
        AlertTestData data = new AlertTestData(mvc, null);
        // the first alert of the item (below warning) fails twice, then gets through at its third attempt
        receiver.failFirst("BELOW_WARNING", 2);
        webhook = register("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"alert.raised\"]}");
        data.crossSafetyAndWarning(); // two alert.raised of one key (item@warehouse): warning, then safety

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode log = deliveries();
            assertThat(log.size()).isEqualTo(2);
            for (JsonNode d : log) {
                assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
            }
        });
        List<String> seen = receiver.all().stream()
                .filter(r -> r.body().contains(data.item))
                .map(r -> JSON.readTree(r.body()).get("data").get("type").asString())
                .toList();
        assertThat(seen)
                .as("the safety alert waits until the warning alert before it is through")
                .containsExactly("BELOW_WARNING", "BELOW_WARNING", "BELOW_WARNING", "BELOW_SAFETY");
    }

    @Test
    void a_dead_lettered_delivery_releases_the_later_deliveries_of_its_key() throws Exception {
        AlertTestData data = new AlertTestData(mvc, null);
        receiver.failFirst("BELOW_WARNING", 3); // all three attempts: a dead letter
        webhook = register("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"alert.raised\"]}");
        data.crossSafetyAndWarning();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode log = deliveries();
            assertThat(log.size()).isEqualTo(2);
            Set<String> statuses = new java.util.TreeSet<>();
            log.forEach(d -> statuses.add(d.get("status").asString()));
            assertThat(statuses).containsExactly("DELIVERED", "FAILED");
        });
        List<String> seen = receiver.all().stream()
                .filter(r -> r.body().contains(data.item))
                .map(r -> JSON.readTree(r.body()).get("data").get("type").asString())
                .toList();
        assertThat(seen).containsExactly("BELOW_WARNING", "BELOW_WARNING", "BELOW_WARNING", "BELOW_SAFETY");
    }

    @Test
    void a_delivery_is_redelivered_by_the_uuid_the_receiver_saw_and_attempts_count_every_try() throws Exception {
        receiver.answerWith(500);
        webhook = register("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"alert.raised\"]}");
        AlertTestData data = new AlertTestData(mvc, null);
        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deliveries().findValues("status"))
                        .hasSize(2)
                        .allSatisfy(st -> assertThat(st.asString()).isEqualTo("FAILED")));
        // the id as the receiver knows it: from the header of a request it got
        String uuid = receiver.mentioning(data.item).get(0).header("X-OpenVMI-Delivery");
        String byUuid = "/api/v1/webhooks/" + webhook + "/deliveries/" + uuid;
        mvc.perform(get(byUuid).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveryId").value(uuid))
                .andExpect(jsonPath("$.attempts").value(3));

        // still failing: a redelivery is a new round of 3 tries, and attempts go on from 3 to 6
        mvc.perform(post(byUuid + "/redeliver").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveryId").value(uuid))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.attempts").value(3));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> mvc.perform(get(byUuid).with(as(Role.ADMIN)))
                        .andExpect(jsonPath("$.status").value("FAILED"))
                        .andExpect(jsonPath("$.attempts").value(6))
                        .andExpect(jsonPath("$.attemptLog.length()").value(6)));

        receiver.answerWith(204);
        mvc.perform(post(byUuid + "/redeliver").with(as(Role.ADMIN))).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get(byUuid).with(as(Role.ADMIN)))
                        .andExpect(jsonPath("$.status").value("DELIVERED"))
                        .andExpect(jsonPath("$.attempts").value(7))
                        .andExpect(jsonPath("$.attemptLog[6].attemptNo").value(7))
                        .andExpect(jsonPath("$.attemptLog[6].statusCode").value(204)));
        assertThat(receiver.mentioning(data.item).stream().filter(r -> uuid.equals(r.header("X-OpenVMI-Delivery"))))
                .hasSize(7);

        // an unknown UUID is not found, and what is neither a number nor a UUID is refused naming the field
        mvc.perform(post("/api/v1/webhooks/" + webhook + "/deliveries/" + java.util.UUID.randomUUID() + "/redeliver")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/webhooks/" + webhook + "/deliveries/not-a-delivery/redeliver")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deliveryId"));
    }

    /**
     * ADR 0066: with the broker off (as here) and no subscription to stock.changed, a posting writes no outbox row for
     * it — nothing would ever read one; a subscription made afterwards receives the next posting's event, written in
     * that posting's transaction as before. (With the broker on every event is written: EventsToRabbitMqContract.)
     */
    @Test
    void an_event_nothing_consumes_is_not_written_and_a_later_subscription_receives_the_next_one() throws Exception {
        Long subscribed = jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE active = TRUE"
                        + " AND event_types LIKE '%stock.changed%'")
                .query(Long.class)
                .single();
        assumeTrue(subscribed == 0, "another test left a stock.changed subscription active");
        AlertTestData data = new AlertTestData(mvc, null);
        String key = data.item + "@" + data.warehouse;
        assertThat(stockChangedRows(key)).as("no consumer: no row").isZero();

        webhook = register("{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET
                + "\",\"eventTypes\":[\"stock.changed\"]}");
        data.move("ISSUE", 5);
        assertThat(stockChangedRows(key))
                .as("a subscriber: the posting's event is written")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.mentioning(data.item).size() == 1);
        JsonNode body = JSON.readTree(receiver.mentioning(data.item).get(0).body());
        assertThat(body.get("type").asString()).isEqualTo("stock.changed");
        assertThat(body.get("key").asString()).isEqualTo(key);
        assertThat(EventSchemas.problems(receiver.mentioning(data.item).get(0).body()))
                .isEmpty();
    }

    private long stockChangedRows(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'stock.changed' AND event_key = :k")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    @Test
    void an_event_that_cannot_be_written_to_the_outbox_undoes_its_business_change_too() throws Exception {
        webhook = register(
                "{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET + "\",\"eventTypes\":[\"alert.raised\"]}");
        AlertTestData data = new AlertTestData(mvc, null);
        // the outbox table is gone for a moment: the posting that would raise the alert fails as a whole (ADR 0062:
        // the event is written in the business transaction, so there is never a change without its event)
        jdbc.sql("ALTER TABLE event_outbox RENAME TO event_outbox_away").update();
        try {
            assertThatThrownBy(() -> data.move("ISSUE", 55)).isInstanceOf(Throwable.class);
        } finally {
            jdbc.sql("ALTER TABLE event_outbox_away RENAME TO event_outbox").update();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_alert a JOIN item i ON i.id = a.item_id WHERE i.code = :i")
                        .param("i", data.item)
                        .query(Long.class)
                        .single())
                .as("no alert without its event")
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement m JOIN item i ON i.id = m.item_id "
                                + "WHERE i.code = :i AND m.type = 'ISSUE'")
                        .param("i", data.item)
                        .query(Long.class)
                        .single())
                .as("no posting without its event")
                .isZero();

        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.mentioning(data.item).size() == 2);
        for (WebhookReceiver.Received r : receiver.mentioning(data.item)) {
            assertThat(r.header("X-OpenVMI-Signature"))
                    .isEqualTo(hmac(SECRET, r.header("X-OpenVMI-Timestamp"), r.body()));
        }
    }

    @Test
    void a_supplier_subscribes_to_its_own_events_only_and_never_receives_another_suppliers() throws Exception {
        mvc.perform(post("/api/v1/webhooks")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"alert.raised\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
        String created = mvc.perform(post("/api/v1/webhooks")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET
                                + "\",\"eventTypes\":[\"supplier-stock.reported\",\"purchase-order.sent\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_A))
                .andReturn()
                .getResponse()
                .getContentAsString();
        webhook = JSON.readTree(created).get("id").asLong();
        // another supplier neither sees nor touches it; the buyer's admin sees whose it is
        mvc.perform(get("/api/v1/webhooks/" + webhook).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhooks/" + webhook + "/deliveries").with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/webhooks/" + webhook).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhooks").param("size", "500").with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == " + webhook + ")]").isEmpty());
        mvc.perform(get("/api/v1/webhooks/" + webhook).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_A));

        AlertTestData itemOfA = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        AlertTestData itemOfB = new AlertTestData(mvc, Fixtures.SUPPLIER_B);
        report(Fixtures.SUPPLIER_USER_A, Fixtures.SUPPLIER_A, itemOfA.item);
        report(Fixtures.SUPPLIER_USER_B, Fixtures.SUPPLIER_B, itemOfB.item);
        // the buyer reports for B too: still B's event
        mvc.perform(post("/api/v1/supplier-stock")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\":\"%s\",\"lines\":[{\"item\":\"%s\",\"available\":7}]}"
                                .formatted(Fixtures.SUPPLIER_B, itemOfB.item)))
                .andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.mentioning(itemOfA.item).size() == 1);
        Thread.sleep(1500); // a few more dispatcher rounds: nothing of B's may follow
        assertThat(receiver.mentioning(itemOfB.item)).isEmpty();
        WebhookReceiver.Received r = receiver.mentioning(itemOfA.item).get(0);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("type").asString()).isEqualTo("supplier-stock.reported");
        assertThat(body.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(r.header("X-OpenVMI-Event-Id")).isEqualTo(body.get("id").asString());
        assertThat(EventSchemas.problems(r.body())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = :s")
                        .param("s", webhook)
                        .query(Long.class)
                        .single())
                .as("no delivery of another supplier's event was even queued")
                .isEqualTo(1);
    }

    private void report(String user, String supplier, String item) throws Exception {
        mvc.perform(post("/api/v1/supplier-stock")
                        .with(asUser(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\":\"%s\",\"lines\":[{\"item\":\"%s\",\"available\":500}]}"
                                .formatted(supplier, item)))
                .andExpect(status().isOk());
    }

    @Test
    void dead_letters_are_listed_and_replayed_all_at_once() throws Exception {
        receiver.answerWith(500);
        webhook = register("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"alert.raised\"]}");
        AlertTestData data = new AlertTestData(mvc, null);
        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode dead = JSON.readTree(
                    mvc.perform(get("/api/v1/webhooks/dead-letters").with(as(Role.ADMIN)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            long mine = 0;
            for (JsonNode d : dead) {
                if (d.get("webhookId").asLong() == webhook) {
                    mine++;
                }
            }
            assertThat(mine).isEqualTo(2);
        });
        mvc.perform(get("/api/v1/webhooks/dead-letters").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.webhookId == " + webhook + ")]").isEmpty());
        receiver.answerWith(200);
        mvc.perform(post("/api/v1/webhooks/" + webhook + "/deliveries/replay-failed")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (JsonNode d : deliveries()) {
                assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
            }
        });
        JsonNode replayed = deliveries().get(0);
        assertThat(replayed.get("attempts").asInt())
                .as("3 failed, then the replayed one")
                .isEqualTo(4);
        List<String> delivered = receiver.mentioning(data.item).stream()
                .skip(6)
                .map(r -> JSON.readTree(r.body()).get("data").get("type").asString())
                .toList();
        assertThat(delivered)
                .as("replayed in the order they were queued, per key")
                .containsExactly("BELOW_WARNING", "BELOW_SAFETY");
    }

    /**
     * ADR 0078: a dead letter a later event of its key has passed (delivered already) is "overtaken": sent again it
     * would arrive out of order, so neither the redelivery nor the replay sends it silently; asked for with
     * outOfOrder=true it goes, and the receiver indeed gets it after the later one.
     */
    @Test
    void an_overtaken_dead_letter_is_not_replayed_out_of_order_unless_asked_for() throws Exception {
        AlertTestData data = new AlertTestData(mvc, null);
        receiver.failFirst("BELOW_WARNING", 3); // dead letter; the safety alert after it is delivered
        webhook = register("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"alert.raised\"]}");
        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> statuses = new java.util.TreeSet<>();
            deliveries().forEach(d -> statuses.add(d.get("status").asString()));
            assertThat(statuses).containsExactly("DELIVERED", "FAILED");
        });
        JsonNode dead = JSON.readTree(mvc.perform(get("/api/v1/webhooks/" + webhook + "/deliveries?status=FAILED")
                                .with(as(Role.ADMIN)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("content")
                .get(0);
        assertThat(dead.get("overtaken").asBoolean()).isTrue();
        String redeliver =
                "/api/v1/webhooks/" + webhook + "/deliveries/" + dead.get("id").asLong() + "/redeliver";

        mvc.perform(post(redeliver).with(as(Role.ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("outOfOrder"))
                .andExpect(jsonPath("$.errors[0].code").value("deliveryOvertaken"));
        mvc.perform(post("/api/v1/webhooks/" + webhook + "/deliveries/replay-failed")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(0))
                .andExpect(jsonPath("$.overtaken").value(1));
        assertThat(deliveries().findValues("status").stream().map(JsonNode::asString))
                .as("nothing was sent again")
                .containsExactlyInAnyOrder("DELIVERED", "FAILED");

        mvc.perform(post(redeliver + "?outOfOrder=true").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                deliveries().findValues("status").stream().map(JsonNode::asString))
                        .containsExactly("DELIVERED", "DELIVERED"));
        List<String> seen = receiver.mentioning(data.item).stream()
                .map(r -> JSON.readTree(r.body()).get("data").get("type").asString())
                .toList();
        assertThat(seen)
                .as("sent out of order, as asked: after the later safety alert")
                .containsExactly("BELOW_WARNING", "BELOW_WARNING", "BELOW_WARNING", "BELOW_SAFETY", "BELOW_WARNING");
    }

    /**
     * ADR 0078: a webhook deleted while one of its deliveries is in flight (the receiver has the POST and has not
     * answered yet): the delete succeeds at once, the answer is still recorded as an attempt (before, the delivery's
     * rows were gone and recording it failed on the foreign key), the webhook is gone from the API, and the purge
     * removes its rows afterwards.
     */
    @Test
    void a_webhook_deleted_while_a_delivery_is_in_flight_records_the_attempt_and_is_purged_later() throws Exception {
        receiver.hold();
        long hook = register("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"stock.changed\"]}");
        AlertTestData data = new AlertTestData(mvc, null); // its receipt is a stock.changed
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !receiver.mentioning(data.item).isEmpty());
            mvc.perform(delete("/api/v1/webhooks/" + hook).with(as(Role.ADMIN))).andExpect(status().isNoContent());
        } finally {
            receiver.release();
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                SELECT COUNT(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                                WHERE d.subscription_id = :id AND d.status = 'DELIVERED' AND a.status_code = 200""")
                                .param("id", hook)
                                .query(Long.class)
                                .single())
                        .as("the answer to the POST in flight is recorded")
                        .isEqualTo(1));
        mvc.perform(get("/api/v1/webhooks/" + hook).with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/webhooks/" + hook).with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhooks?size=500").with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.content[?(@.id == " + hook + ")]").isEmpty());

        webhookRows.purgeDeleted(Instant.now().plusSeconds(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = :id")
                        .param("id", hook)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE id = :id")
                        .param("id", hook)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * ADR 0078: the outbox is purged by when a row was settled, not by created_at, which a back-dated writer (the
     * demo's pinned clock) sets in the past; and never while one of its webhook deliveries is not delivered.
     */
    @Test
    void the_outbox_keeps_a_back_dated_event_for_its_retention_and_while_a_delivery_is_undelivered() throws Exception {
        receiver.answerWith(500);
        webhook = register("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"stock.changed\"]}");
        AlertTestData data =
                org.openvmi.shared.ApplicationClock.at(Instant.now().minus(Duration.ofDays(30)), () -> {
                    try {
                        return new AlertTestData(mvc, null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        String eventId = jdbc.sql("SELECT event_id FROM webhook_delivery WHERE subscription_id = :id")
                .param("id", webhook)
                .query(String.class)
                .single();
        assertThat(outboxRows(eventId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT created_at FROM event_outbox WHERE event_id = :e")
                        .param("e", eventId)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .as("back-dated")
                .isBefore(Instant.now().minus(Duration.ofDays(29)));

        publisher.purge(Instant.now());
        assertThat(outboxRows(eventId))
                .as("settled today: kept for the retention")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(deliveries().get(0).get("status").asString()).isEqualTo("FAILED"));
        publisher.purge(Instant.now().plus(Duration.ofDays(8)));
        assertThat(outboxRows(eventId))
                .as("its delivery is a dead letter: kept")
                .isEqualTo(1);

        receiver.answerWith(200);
        mvc.perform(post("/api/v1/webhooks/" + webhook + "/deliveries/replay-failed")
                        .with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.replayed").value(1));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(deliveries().get(0).get("status").asString()).isEqualTo("DELIVERED"));
        publisher.purge(Instant.now());
        assertThat(outboxRows(eventId)).as("delivered, within the retention").isEqualTo(1);
        publisher.purge(Instant.now().plus(Duration.ofDays(8)));
        assertThat(outboxRows(eventId)).as("delivered, retention over").isZero();
        assertThat(receiver.mentioning(data.item)).isNotEmpty();
    }

    private long outboxRows(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM event_outbox WHERE event_id = :e")
                .param("e", eventId)
                .query(Long.class)
                .single();
    }

    /**
     * ADR 0067: the active subscriptions are kept in memory (the outbox fans every event out to them, once per
     * posting), dropped when one changes. A subscription switched off by another instance is still in this instance's
     * copy until its next poll; the delivery insert checks the row, so it is not served meanwhile.
     */
    @Test
    void a_subscription_switched_off_elsewhere_gets_no_delivery_before_this_instance_hears_of_it() throws Exception {
        webhook = register("{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET
                + "\",\"eventTypes\":[\"stock.changed\"]}");
        AlertTestData data = new AlertTestData(mvc, null); // its receipt of 100 is a stock.changed
        assertThat(queued())
                .as("served: the registration dropped the copy on this instance")
                .isEqualTo(1);

        // another instance switches it off: the row changes, the counter is not polled here yet
        jdbc.sql("UPDATE webhook_subscription SET active = FALSE WHERE id = :id")
                .param("id", webhook)
                .update();
        data.move("ISSUE", 1);
        assertThat(queued()).as("no delivery for a subscription switched off").isEqualTo(1);

        // switched on again by the other instance, which bumps the counter; this instance polls
        jdbc.sql("UPDATE webhook_subscription SET active = TRUE WHERE id = :id")
                .param("id", webhook)
                .update();
        jdbc.sql("UPDATE cache_version SET version = version + 1 WHERE name = 'webhook-subscriptions'")
                .update();
        cacheVersions.poll();
        data.move("ISSUE", 1);
        assertThat(queued()).as("served again after the poll").isEqualTo(2);
    }

    private long queued() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = :id")
                .param("id", webhook)
                .query(Long.class)
                .single();
    }

    @Test
    void bad_registrations_are_refused_naming_the_field() throws Exception {
        mvc.perform(post("/api/v1/webhooks")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"ftp://x\",\"eventTypes\":[\"order.shipped\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("url", "eventTypes")));
        mvc.perform(
                        post("/api/v1/webhooks")
                                .with(as(Role.ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"url\":\"http://127.0.0.1:1/x\",\"secret\":\"short\",\"eventTypes\":[\"alert.raised\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("secret"));
        String generated = mvc.perform(
                        post("/api/v1/webhooks")
                                .with(as(Role.ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"url\":\"http://127.0.0.1:1/x\",\"eventTypes\":[\"alert.raised\"],\"active\":false}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode created = JSON.readTree(generated);
        webhook = created.get("id").asLong();
        assertThat(created.get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.get("active").asBoolean()).isFalse();
    }
}
