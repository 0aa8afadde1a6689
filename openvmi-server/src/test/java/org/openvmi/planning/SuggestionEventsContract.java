package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.integration.EventSchemas;
import org.openvmi.integration.WebhookReceiver;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * suggestion.created (ADR 0071): a planning run writes one event per suggestion in the transaction that inserts it,
 * and a supplier's subscription gets its own supplier's suggestions only, never another's. On H2 and PostgreSQL.
 */
abstract class SuggestionEventsContract extends PlanningContractFixture {

    WebhookReceiver receiver;
    long webhook;
    long erpWebhook;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (webhook != 0) {
            mvc.perform(delete("/api/v1/webhooks/" + webhook).with(asUser(Fixtures.SUPPLIER_USER_A)))
                    .andExpect(status().isNoContent());
        }
        if (erpWebhook != 0) {
            mvc.perform(delete("/api/v1/webhooks/" + erpWebhook).with(as(Role.ADMIN)))
                    .andExpect(status().isNoContent());
        }
        receiver.close();
    }

    @Test
    void a_planning_run_writes_one_suggestion_created_per_suggestion_and_a_supplier_receives_only_its_own()
            throws Exception {
        String created = mvc.perform(post("/api/v1/webhooks")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"suggestion.created\"]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        webhook = json.readTree(created).get("id").asLong();
        // the buyer's ERP sees every supplier's suggestions: B's event is written too (ADR 0066 writes only events
        // someone may receive), and must still not reach A's subscription
        erpWebhook = json.readTree(mvc.perform(post("/api/v1/webhooks")
                                .with(as(Role.ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"url\":\"https://erp.example.com/hook\",\"secret\":\"erp-wire-secret-123\","
                                        + "\"eventTypes\":[\"suggestion.created\"]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asLong();

        LocalDate today = LocalDate.now(clock);
        String wh = data.warehouse();
        String ofA = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String ofB = data.item(Fixtures.SUPPLIER_B, 7, "1", "1");
        for (String item : List.of(ofA, ofB)) {
            data.weeklyDemand(item, wh, today, 30, "10");
            receiveLongAgo(item, wh + "-B1");
        }
        long run = plan(List.of(ofA, ofB), wh);

        List<Map<String, Object>> suggestionRows = jdbc.sql(
                        "SELECT id, supplier_id FROM planning_suggestion WHERE run_id = :run ORDER BY id")
                .param("run", run)
                .query()
                .listOfRows();
        assertThat(suggestionRows).as("one purchase suggestion per item").hasSize(2);
        Map<String, JsonNode> byItem = new HashMap<>();
        for (Map<String, Object> s : suggestionRows) {
            long id = ((Number) s.get("id")).longValue();
            List<String> envelopes = jdbc.sql("SELECT envelope FROM event_outbox WHERE dedup_key = :k")
                    .param("k", "suggestion.created:" + id)
                    .query(String.class)
                    .list();
            assertThat(envelopes).as("suggestion %d's event", id).hasSize(1);
            assertThat(EventSchemas.problems(envelopes.get(0))).isEmpty();
            JsonNode e = json.readTree(envelopes.get(0));
            assertThat(e.get("data").get("suggestion").asLong()).isEqualTo(id);
            assertThat(e.get("data").get("run").asLong()).isEqualTo(run);
            byItem.put(e.get("data").get("item").asString(), e);
        }
        assertThat(byItem).containsOnlyKeys(ofA, ofB);
        JsonNode a = byItem.get(ofA);
        assertThat(a.get("type").asString()).isEqualTo("suggestion.created");
        assertThat(a.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(a.get("key").asString()).isEqualTo(ofA + "@" + wh);
        assertThat(a.get("data").get("type").asString()).isEqualTo("PURCHASE");
        assertThat(a.get("data").get("warehouse").asString()).isEqualTo(wh);
        assertThat(a.get("data").get("qty").decimalValue()).isPositive();
        assertThat(byItem.get(ofB).get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_B);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !receiver.mentioning(ofA).isEmpty());
        assertThat(receiver.mentioning(ofA)).hasSize(1);
        assertThat(receiver.mentioning(ofB)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = :s AND payload LIKE :b")
                        .param("s", webhook)
                        .param("b", "%" + ofB + "%")
                        .query(Long.class)
                        .single())
                .as("B's suggestion is not even queued for A's subscription")
                .isZero();
    }

    /** One unit received long ago: in stock all along, far below the reorder point. */
    private void receiveLongAgo(String item, String location) throws Exception {
        clock.advance(Duration.ofDays(400).negated());
        try {
            mvc.perform(post("/api/v1/movements")
                            .with(as(Role.WAREHOUSE))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                    "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":1}]}"
                                            .formatted(item, location)))
                    .andExpect(status().isCreated());
        } finally {
            clock.advance(Duration.ofDays(400));
        }
    }

    private long plan(List<String> itemCodes, String wh) throws Exception {
        String request = "{\"items\":[\"" + String.join("\",\"", itemCodes) + "\"],\"warehouse\":\"" + wh + "\"}";
        long id = json.readTree(mvc.perform(post("/api/v1/planning/runs")
                                .with(as(Role.PLANNER))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(request))
                        .andExpect(status().isAccepted())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String status = json.readTree(
                            mvc.perform(get("/api/v1/planning/runs/" + id).with(as(Role.VIEWER)))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString())
                    .get("status")
                    .asString();
            assertThat(status).isNotEqualTo("FAILED");
            return "DONE".equals(status);
        });
        return id;
    }
}
