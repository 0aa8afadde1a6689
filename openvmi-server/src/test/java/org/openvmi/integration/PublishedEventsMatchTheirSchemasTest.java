package org.openvmi.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.testsupport.H2TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every event the application writes validates against its published schema (docs/events): the demo buyer's year,
 * posted through the use cases (the same context as DemoDataSeederTest), writes thousands of events of most types;
 * each one's envelope and data are checked. The types the demo does not produce are written by the other event tests
 * (WebhookContract, EventsToRabbitMqContract), which check their envelopes the same way.
 */
@SpringBootTest(
        properties = {
            "openvmi.demo-data=true",
            "openvmi.security.bcrypt-strength=4",
            "openvmi.planning.replan=false",
            "logging.level.org.openvmi.demo=INFO"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = H2TestDatabase.class)
class PublishedEventsMatchTheirSchemasTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_event_written_by_the_demo_year_validates_against_its_schema() {
        Map<String, Integer> seen = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long last = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbc.sql(
                            "SELECT id, event_type, envelope FROM event_outbox WHERE id > :last ORDER BY id LIMIT 2000")
                    .param("last", last)
                    .query()
                    .listOfRows();
            if (rows.isEmpty()) {
                break;
            }
            for (Map<String, Object> r : rows) {
                last = ((Number) r.get("id")).longValue();
                String type = (String) r.get("event_type");
                if (seen.merge(type, 1, Integer::sum) <= 200) {
                    EventSchemas.problems((String) r.get("envelope")).stream()
                            .limit(3)
                            .forEach(p -> problems.add(type + " #" + r.get("id") + ": " + p));
                }
            }
        }
        System.out.println("Events written by the demo year: " + seen);
        assertThat(problems).isEmpty();
        assertThat(seen.keySet()).isSubsetOf(WebhookEventTypes.ALL);
        assertThat(seen.keySet())
                .contains(
                        WebhookEventTypes.STOCK_CHANGED,
                        WebhookEventTypes.PURCHASE_ORDER_SENT,
                        WebhookEventTypes.PURCHASE_ORDER_CONFIRMED,
                        WebhookEventTypes.GOODS_RECEIVED,
                        WebhookEventTypes.OWNERSHIP_TRANSFERRED,
                        WebhookEventTypes.STATEMENT_ISSUED,
                        WebhookEventTypes.SUPPLIER_STOCK_REPORTED);
    }
}
