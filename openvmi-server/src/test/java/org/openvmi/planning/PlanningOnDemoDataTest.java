package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.H2TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A planning run over the demo buyer (3 warehouses, 200 items, a year of daily demand), as the README's demo shows it. */
// the demo year's postings wake the re-planner, whose run could still be live (409) when this one starts
@SpringBootTest(
        properties = {"openvmi.demo-data=true", "openvmi.security.bcrypt-strength=4", "openvmi.planning.replan=false"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = H2TestDatabase.class)
class PlanningOnDemoDataTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    JsonNode get(String path, String user) throws Exception {
        return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(httpBasic(user, "demo123"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void
            a_run_over_the_demo_data_forecasts_every_item_warehouse_with_history_sets_dynamic_lines_and_explains_its_suggestions()
                    throws Exception {
        long pairs = jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT item_id, warehouse_id FROM demand_history) p")
                .query(Long.class)
                .single();
        assertThat(pairs).isPositive();
        JsonNode started = json.readTree(mvc.perform(post("/api/v1/planning/runs")
                        .with(httpBasic("planner", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString());
        long id = started.get("id").asLong();
        JsonNode run;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        do {
            Thread.sleep(100);
            run = get("/api/v1/planning/runs/" + id, "viewer");
            assertThat(System.nanoTime()).isLessThan(deadline);
        } while (!run.get("status").asString().equals("DONE")
                && !run.get("status").asString().equals("FAILED"));

        assertThat(run.get("status").asString()).isEqualTo("DONE");
        assertThat(run.get("total").asLong()).isLessThanOrEqualTo(pairs).isPositive();
        assertThat(run.get("done").asInt()).isEqualTo(run.get("total").asInt());
        assertThat(run.get("policiesChanged").asInt())
                .isEqualTo(run.get("total").asInt()); // none was MANUAL
        assertThat(run.get("models").size()).isGreaterThan(1);
        assertThat(run.get("suggestions").asInt()).isPositive();

        JsonNode suggestions = get("/api/v1/suggestions?size=1000", "buyer").get("content");
        assertThat(suggestions).isNotEmpty();
        suggestions.forEach(s -> {
            assertThat(s.get("reason").asString())
                    .startsWith("forecast 56 d = ")
                    .contains("→");
            assertThat(Double.parseDouble(s.get("qty").asString())).isPositive();
        });
        JsonNode forecasts = get("/api/v1/forecasts", "viewer");
        assertThat(forecasts.get("totalElements").asLong())
                .isEqualTo(run.get("total").asLong());
        JsonNode f = forecasts.get("content").get(0);
        assertThat(f.get("forecast")).hasSize(8);
        assertThat(f.get("history").size()).isBetween(1, 104);
        JsonNode policies = get("/api/v1/stock-policies?size=5", "viewer");
        assertThat(policies.get("content").get(0).get("mode").asString()).isEqualTo("DYNAMIC");

        // the lines it set raised alerts, but at most one open below-alert per item × warehouse, at the level of the
        // most severe line crossed (was: one per line crossed, three for every item out of stock)
        long open = jdbc.sql("SELECT COUNT(*) FROM stock_alert WHERE open_key IS NOT NULL AND warehouse_id IS NOT NULL")
                .query(Long.class)
                .single();
        assertThat(open).isPositive();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT item_id, warehouse_id FROM stock_alert
                                      WHERE open_key IS NOT NULL AND alert_type IN ('STOCKOUT', 'BELOW_SAFETY', 'BELOW_WARNING')
                                      GROUP BY item_id, warehouse_id HAVING COUNT(*) > 1) d""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT item_id, warehouse_id FROM stock_alert WHERE open_key IS NOT NULL AND warehouse_id IS NOT NULL
                                      GROUP BY item_id, warehouse_id HAVING COUNT(*) > 1) d""").query(Long.class).single())
                .as("below and above max never hold together")
                .isZero();
    }
}
