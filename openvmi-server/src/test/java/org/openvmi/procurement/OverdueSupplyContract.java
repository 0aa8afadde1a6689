package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.integration.WebhookReceiver;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Overdue supply (采购延迟) on H2 and PostgreSQL. Use case: a PO line needed in 10 days is not delivered; the day after
 * its date the check raises one alert (however often it runs), a webhook receiver gets supply.overdue, the buyer's and
 * the warehouse's home count it and the list shows it in the user's language; the receipt resolves it at once and the
 * receiver gets supply.overdue.resolved.
 */
@TestPropertySource(properties = {"openvmi.webhooks.dispatch-interval=200ms", "openvmi.webhooks.backoff-base=200ms"})
abstract class OverdueSupplyContract extends ProcurementApiSupport {

    @Autowired
    OverdueSupply overdue;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_po_line_past_its_date_raises_one_overdue_alert_and_its_receipt_resolves_it_both_sent_by_webhook()
            throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long webhook = subscribe(receiver, "\"supply.overdue\",\"supply.overdue.resolved\"");
            try {
                long po = order(approvedRequisition(data.bearing, "10")); // needed by today + 10
                String number = "PO-" + po;
                String ordered = jdbc.sql("SELECT qty FROM proc_po_line WHERE po_id = :po")
                        .param("po", po)
                        .query(java.math.BigDecimal.class)
                        .single()
                        .stripTrailingZeros()
                        .toPlainString(); // MOQ-rounded

                overdue.check();
                assertThat(alerts(po, "OPEN")).as("not late on its date's eve").isZero();

                clock.advance(Duration.ofDays(11));
                overdue.check();
                overdue.check();
                assertThat(alerts(po, "OPEN")).isEqualTo(1);

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !receiver.mentioning("\"" + number + "\"").isEmpty());
                JsonNode raised = json.readTree(
                        receiver.mentioning("\"" + number + "\"").get(0).body());
                assertThat(raised.get("event").asString()).isEqualTo("supply.overdue");
                assertThat(raised.get("data").get("kind").asString()).isEqualTo("PO_LINE");
                assertThat(raised.get("data").get("item").asString()).isEqualTo(data.bearing);
                assertThat(raised.get("data").get("warehouse").asString()).isEqualTo(data.warehouse);
                assertThat(raised.get("data").get("openQty").asString()).isEqualTo(ordered);
                assertThat(raised.get("data").get("dueOn").asString())
                        .isEqualTo(today.plusDays(10).toString());
                assertThat(raised.get("data").get("daysLate").asInt()).isEqualTo(1);

                String zh = mvc.perform(get("/overdue-supply")
                                .header("Accept-Language", "zh-CN")
                                .with(user("t-buyer").roles("BUYER")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(zh).contains("采购延迟").contains("采购订单行逾期").contains(number + " / 1");
                String home = mvc.perform(get("/").with(user("t-buyer").roles("BUYER")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(home)
                        .containsPattern(
                                "id=\"todo-overdue-supply\" href=\"/overdue-supply\\?status=OPEN\"[^>]*>\\s*<div class=\"value\">[1-9]");
                String warehouseHome = mvc.perform(
                                get("/").with(user("t-warehouse").roles("WAREHOUSE")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(warehouseHome).contains("todo-overdue-notices");
                // the REST list by warehouse, kind and supplier; a supplier sees its own late lines only
                JsonNode listed = body(mvc.perform(get("/api/v1/overdue-supply")
                                .param("warehouse", data.warehouse)
                                .param("kind", "PO_LINE")
                                .param("status", "OPEN")
                                .with(as(Role.BUYER)))
                        .andExpect(status().isOk()));
                assertThat(listed.get("totalElements").asLong()).isEqualTo(1);
                assertThat(listed.get("content").get(0).get("poNumber").asString())
                        .isEqualTo(number);
                assertThat(listed.get("content").get(0).get("daysLate").asLong())
                        .isEqualTo(1);
                assertThat(overdueListed(as(Role.BUYER), Fixtures.SUPPLIER_B)).isZero();
                assertThat(overdueListed(asUser(Fixtures.SUPPLIER_USER_A), null))
                        .isEqualTo(1);
                assertThat(overdueListed(asUser(Fixtures.SUPPLIER_USER_B), null))
                        .isZero();
                mvc.perform(get("/api/v1/overdue-supply")
                                .param("warehouse", "NO-SUCH-WH")
                                .with(as(Role.BUYER)))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("warehouse"));
                mvc.perform(get("/api/v1/overdue-supply").param("kind", "LATE").with(as(Role.BUYER)))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("kind"));
                assertThat(mvc.perform(get("/overdue-supply")
                                        .with(user("t-sup-b").roles("SUPPLIER")))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .doesNotContain(number + " / 1");

                receive(po, data.bearing, ordered).andExpect(status().isCreated());
                await().atMost(Duration.ofSeconds(20)).until(() -> alerts(po, "RESOLVED") == 1);
                assertThat(alerts(po, "OPEN")).isZero();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> receiver.mentioning("\"" + number + "\"").size() == 2);
                List<String> events = receiver.mentioning("\"" + number + "\"").stream()
                        .map(r -> json.readTree(r.body()).get("event").asString())
                        .toList();
                assertThat(events).containsExactly("supply.overdue", "supply.overdue.resolved");
            } finally {
                mvc.perform(delete("/api/v1/webhooks/" + webhook).with(as(Role.ADMIN)))
                        .andExpect(status().isNoContent());
            }
        }
    }

    @Test
    void cancelling_a_late_po_line_resolves_its_alert_and_tells_the_webhook() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long webhook = subscribe(receiver, "\"purchase-order.line-cancelled\"");
            try {
                long po = order(approvedRequisition(data.bearing, "10"));
                String number = "PO-" + po;
                clock.advance(Duration.ofDays(11));
                overdue.check();
                assertThat(alerts(po, "OPEN")).isEqualTo(1);

                send(as(Role.BUYER), "/api/v1/purchase-orders/" + po + "/lines/1/cancel", "{\"reason\":\"too late\"}")
                        .andExpect(status().isOk());
                await().atMost(Duration.ofSeconds(20)).until(() -> alerts(po, "RESOLVED") == 1);
                assertThat(alerts(po, "OPEN")).isZero();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !receiver.mentioning("\"" + number + "\"").isEmpty());
                JsonNode told = json.readTree(
                        receiver.mentioning("\"" + number + "\"").get(0).body());
                assertThat(told.get("event").asString()).isEqualTo("purchase-order.line-cancelled");
                assertThat(told.get("data").get("line").asInt()).isEqualTo(1);
                assertThat(told.get("data").get("item").asString()).isEqualTo(data.bearing);
                assertThat(told.get("data").get("reason").asString()).isEqualTo("too late");
                assertThat(new java.math.BigDecimal(
                                told.get("data").get("cancelledQty").asString()))
                        .isPositive();
            } finally {
                mvc.perform(delete("/api/v1/webhooks/" + webhook).with(as(Role.ADMIN)))
                        .andExpect(status().isNoContent());
            }
        }
    }

    /**
     * A bulk job (the demo seeder) holds the check after each receipt and PO change: the receipt's event does not
     * resolve the alert while the job runs; the one check when the hold ends does, before it returns.
     */
    @Test
    void checks_after_events_held_during_a_bulk_job_run_once_when_it_ends() throws Exception {
        long po = order(approvedRequisition(data.bearing, "10"));
        String ordered = jdbc.sql("SELECT qty FROM proc_po_line WHERE po_id = :po")
                .param("po", po)
                .query(java.math.BigDecimal.class)
                .single()
                .stripTrailingZeros()
                .toPlainString();
        clock.advance(Duration.ofDays(11));
        overdue.check();
        assertThat(alerts(po, "OPEN")).isEqualTo(1);
        overdue.withEventChecksHeld(() -> {
            try {
                receive(po, data.bearing, ordered).andExpect(status().isCreated());
                Thread.sleep(1_500); // the receipt's events were handed to the listeners meanwhile
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(alerts(po, "OPEN"))
                    .as("held: the receipt's event checks nothing")
                    .isEqualTo(1);
            return null;
        });
        assertThat(alerts(po, "RESOLVED"))
                .as("checked once when the hold ended")
                .isEqualTo(1);
        assertThat(alerts(po, "OPEN")).isZero();
    }

    /** A webhook to the receiver for the given (quoted, comma-separated) event types: its id. */
    private long subscribe(WebhookReceiver receiver, String eventTypes) throws Exception {
        return body(send(
                                as(Role.ADMIN),
                                "/api/v1/webhooks",
                                ("{\"url\":\"%s\",\"secret\":\"test-secret-0123456789\"," + "\"eventTypes\":[%s]}")
                                        .formatted(receiver.url(), eventTypes))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    private long overdueListed(RequestPostProcessor who, String supplier) throws Exception {
        var request = get("/api/v1/overdue-supply")
                .param("warehouse", data.warehouse)
                .param("status", "OPEN")
                .with(who);
        if (supplier != null) {
            request = request.param("supplier", supplier);
        }
        return body(mvc.perform(request).andExpect(status().isOk()))
                .get("totalElements")
                .asLong();
    }

    private long alerts(long po, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM proc_overdue_supply WHERE po_id = :po AND status = :s")
                .param("po", po)
                .param("s", status)
                .query(Long.class)
                .single();
    }
}
