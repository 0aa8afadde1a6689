package org.openvmi.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The supplier and consignment KPIs of docs/kpis.md (VMI SLA, price variance, statement disputes, consumption value,
 * days on hand) on a constructed VMI history of supplier A at a warehouse of this test, with answers computed by hand;
 * on the scorecard, on /kpis and on /consignment, and supplier isolation. The history happens on days years ahead (a
 * random offset) so that no other test's statements of supplier A fall in the period.
 */
abstract class SupplierKpisContract extends VmiTestSupport {

    @Autowired
    InventoryLedger ledger;

    /**
     * Item at 2.95 (an own receipt gives the VMI receipts, which carry no cost, their layer cost). Agreement: min 100,
     * due back within 48 h, 10.00 a late hour. 120 in; 30 consumed → below min (episode 1); 50 h later 350 in → 2 h
     * late. 440 consumed → at zero (episode 2); 12 h later 120 in → on time, 12 h at zero. Statement 1 (470 consumed)
     * disputed; 20 more consumed, statement 2 confirmed. POs: 10 (rounded up to the MOQ 100) at 2.95, then the source list
     * drops to 2.50, 100 at 2.50. Consumed 490 × 2.95 = 1445.50; consignment left 100 × 2.95 = 295.00.
     */
    @Test
    void vmi_sla_price_variance_disputes_and_days_on_hand_of_a_constructed_history() throws Exception {
        clock.advance(Duration.ofDays(2000 + ThreadLocalRandom.current().nextInt(1000)));
        LocalDate day = LocalDate.now(clock);
        String supplier = Fixtures.SUPPLIER_A;
        ledger.post(
                new PostingRequest(List.of(new MovementRequest(
                        "RECEIPT",
                        data.item,
                        data.bin,
                        "OWN",
                        null,
                        BigDecimal.ONE,
                        new BigDecimal("2.95"),
                        null,
                        "R0"))),
                null);
        agreement(supplier, "UNTIL_CONSUMED", line(data.item, "100", "400", "2.95", null));
        RequestPostProcessor supplierA = asUser(Fixtures.SUPPLIER_USER_A);
        receiveAll(asn(supplierA, null, asnLine(data.item, "120", null)), data.item, "120");
        consume(data.item, "30").andExpect(status().isCreated());
        long second = asn(supplierA, null, asnLine(data.item, "350", null));
        clock.advance(Duration.ofHours(50));
        receiveAll(second, data.item, "350");
        consume(data.item, "440").andExpect(status().isCreated());
        long third = asn(supplierA, null, asnLine(data.item, "120", null));
        clock.advance(Duration.ofHours(12));
        receiveAll(third, data.item, "120");

        long disputed = statement(supplier);
        postJson("/api/v1/settlements/" + disputed + "/issue", as(Role.FINANCE), "")
                .andExpect(status().isOk());
        postJson("/api/v1/settlements/" + disputed + "/dispute", supplierA, "{\"comment\":\"数量不符\"}")
                .andExpect(status().isOk());
        postJson("/api/v1/settlements/" + disputed + "/close", as(Role.FINANCE), "")
                .andExpect(status().isOk());
        consume(data.item, "20").andExpect(status().isCreated());
        long confirmed = statement(supplier);
        postJson("/api/v1/settlements/" + confirmed + "/issue", as(Role.FINANCE), "")
                .andExpect(status().isOk());
        postJson("/api/v1/settlements/" + confirmed + "/confirm", supplierA, "{}")
                .andExpect(status().isOk());

        order(supplier, day);
        SupplierItemCommand cheaper = new SupplierItemCommand();
        cheaper.setPrice(new BigDecimal("2.50"));
        cheaper.setCurrency("CNY");
        cheaper.setMoq(new BigDecimal("100"));
        cheaper.setPackSize(new BigDecimal("50"));
        cheaper.setLeadTimeDays(3);
        suppliers.updateSource(supplier, data.item, cheaper);
        order(supplier, day);

        String period = "from=%s&to=%s".formatted(day.minusDays(1), day.plusDays(5));
        for (RequestPostProcessor who : List.of(as(Role.BUYER), supplierA)) {
            JsonNode card = getJson(
                    who,
                    "/api/v1/analytics/suppliers/%s/scorecard?warehouse=%s&%s"
                            .formatted(supplier, data.warehouse, period));
            JsonNode sla = card.get("vmiSla");
            assertThat(sla.get("episodes").asLong()).isEqualTo(2);
            assertThat(sla.get("lateEpisodes").asLong()).isEqualTo(1);
            assertThat(sla.get("lateHours").decimalValue()).isEqualByComparingTo("2");
            assertThat(sla.get("stockoutDays").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(sla.get("penalty").decimalValue()).isEqualByComparingTo("20.00");
            JsonNode price = card.get("priceVariance");
            assertThat(price.get("lines").asLong()).isEqualTo(2);
            // each order rounded up to the MOQ 100: 100 × 2.95 + 100 × 2.50 = 545.00 against 500.00 at today's price
            assertThat(price.get("value").decimalValue()).isEqualByComparingTo("45.00");
            assertThat(price.get("share").decimalValue()).isEqualByComparingTo("0.09");
            JsonNode statements = card.get("statements");
            assertThat(statements.get("issued").asLong()).isEqualTo(2);
            assertThat(statements.get("disputed").asLong()).isEqualTo(1);
            assertThat(statements.get("share").decimalValue()).isEqualByComparingTo("0.5");

            JsonNode kpis = getJson(
                    who,
                    "/api/v1/analytics/kpis?warehouse=%s&supplier=%s&%s".formatted(data.warehouse, supplier, period));
            assertKpi(kpis, "vmiLateHours", "2", "0");
            assertKpi(kpis, "vmiStockoutDays", "0.5", "0");
            assertKpi(kpis, "vmiPenalty", "20.00", null);
            assertKpi(kpis, "priceVarianceValue", "45.00", "0");
            assertKpi(kpis, "priceVarianceShare", "0.09", null);
            assertKpi(kpis, "statementDisputeShare", "0.5", null);
            assertKpi(kpis, "consignmentValue", "295.00", "0");
            assertKpi(kpis, "consignmentConsumptionValue", "1445.50", "0");
            // 295.00 ÷ (1445.50 ÷ 7 days) = 1.428…
            assertKpi(kpis, "consignmentDaysOnHand", "1.43", null);

            JsonNode consignment =
                    getJson(who, "/api/v1/analytics/consignment?warehouse=%s&%s".formatted(data.warehouse, period));
            assertThat(consignment.get("suppliers")).hasSize(1);
            JsonNode line = consignment.get("suppliers").get(0);
            assertThat(line.get("supplier").asString()).isEqualTo(supplier);
            assertThat(line.get("stockValue").decimalValue()).isEqualByComparingTo("295.00");
            assertThat(line.get("consumptionValue").decimalValue()).isEqualByComparingTo("1445.50");
            assertThat(line.get("daysOnHand").decimalValue()).isEqualByComparingTo("1.43");
        }
        // another supplier sees neither the scorecard nor supplier A's consignment
        RequestPostProcessor supplierB = asUser(Fixtures.SUPPLIER_USER_B);
        mvc.perform(get("/api/v1/analytics/suppliers/%s/scorecard?%s".formatted(supplier, period))
                        .with(supplierB))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/analytics/kpis?supplier=%s&%s".formatted(supplier, period))
                        .with(supplierB))
                .andExpect(status().isForbidden());
        assertThat(getJson(supplierB, "/api/v1/analytics/consignment?warehouse=%s&%s".formatted(data.warehouse, period))
                        .get("suppliers"))
                .isEmpty();
        mvc.perform(get("/api/v1/analytics/forecast-accuracy").with(supplierB)).andExpect(status().isForbidden());
    }

    /**
     * Call-off due times in the VMI SLA. Day D (years ahead). Call-offs of supplier A, confirmed by A: C1 50 needed by
     * D+1, C2 30 by D+2, C4 10 by D+3; C3 20 by D+5 only requested (not counted). ASN 1 (50) fills C1, ASN 2 (30) fills
     * C2. ASN 1 received on D+1 (before C1's due time, the end of D+1): on time. ASN 2 received 5 h after the end of
     * D+2: C2 5 h late. C4 never shipped: asked 10 h after the end of D+3, it is 10 h late so far. Counted 3, late 2,
     * 15 late hours, on time 1 ÷ 3.
     */
    @Test
    void a_confirmed_call_off_delivered_after_its_due_time_counts_as_late() throws Exception {
        clock.advance(Duration.ofDays(4000 + ThreadLocalRandom.current().nextInt(1000)));
        java.time.ZoneId zone = clock.getZone();
        LocalDate day = LocalDate.now(clock);
        String supplier = Fixtures.SUPPLIER_A;
        agreement(supplier, "UNTIL_CONSUMED", line(data.item, "10", "400", "2.95", null));
        RequestPostProcessor supplierA = asUser(Fixtures.SUPPLIER_USER_A);
        long c1 = callOff(supplier, "50", day.plusDays(1));
        long c2 = callOff(supplier, "30", day.plusDays(2));
        long c3 = callOff(supplier, "20", day.plusDays(5));
        long c4 = callOff(supplier, "10", day.plusDays(3));
        for (long c : List.of(c1, c2, c4)) {
            postJson("/api/v1/vmi/calloffs/" + c + "/confirm", supplierA, "{}").andExpect(status().isOk());
        }
        long first = asn(supplierA, null, asnLine(data.item, "50", null));
        long second = asn(supplierA, null, asnLine(data.item, "30", null));
        clock.advance(Duration.ofDays(1));
        receiveAll(first, data.item, "50");
        moveTo(day.plusDays(3).atStartOfDay(zone).toInstant().plus(Duration.ofHours(5)));
        receiveAll(second, data.item, "30");
        moveTo(day.plusDays(4).atStartOfDay(zone).toInstant().plus(Duration.ofHours(10)));
        assertThat(body(mvc.perform(get("/api/v1/vmi/calloffs/" + c3).with(as(Role.BUYER))))
                        .get("status")
                        .asString())
                .isEqualTo("REQUESTED");

        String period = "from=%s&to=%s".formatted(day, day.plusDays(6));
        for (RequestPostProcessor who : List.of(as(Role.BUYER), supplierA)) {
            JsonNode card = getJson(
                    who,
                    "/api/v1/analytics/suppliers/%s/scorecard?warehouse=%s&%s"
                            .formatted(supplier, data.warehouse, period));
            JsonNode callOffs = card.get("vmiCallOffs");
            assertThat(callOffs.get("callOffs").asLong()).isEqualTo(3);
            assertThat(callOffs.get("counted").asLong()).isEqualTo(3);
            assertThat(callOffs.get("late").asLong()).isEqualTo(2);
            assertThat(callOffs.get("lateHours").decimalValue()).isEqualByComparingTo("15");
            assertThat(callOffs.get("onTimeShare").decimalValue()).isEqualByComparingTo("0.3333");
            JsonNode kpis = getJson(
                    who,
                    "/api/v1/analytics/kpis?warehouse=%s&supplier=%s&%s".formatted(data.warehouse, supplier, period));
            assertKpi(kpis, "vmiCallOffOnTime", "0.3333", null);
            assertKpi(kpis, "vmiLateCallOffs", "2", "0");
            assertKpi(kpis, "vmiCallOffLateHours", "15", "0");
        }
        // the supplier's portal scorecard (the last 90 days) shows them, in both languages
        org.springframework.mock.web.MockHttpSession portal =
                org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        assertThat(page(portal, "/portal/scorecard?lang=en"))
                .contains("Call-offs on time (2 of 3 late)", "15 hours late", "33.3");
        assertThat(page(portal, "/portal/scorecard?lang=zh-CN"))
                .contains("要货按时交付率（3 次中 2 次逾期）", "逾期 15 小时")
                .doesNotContain("Call-offs on time");
        // another supplier's scorecard stays closed to supplier B
        mvc.perform(get("/api/v1/analytics/suppliers/%s/scorecard?%s".formatted(supplier, period))
                        .with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
    }

    private void moveTo(java.time.Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private String page(org.springframework.mock.web.MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long callOff(String supplier, String qty, LocalDate neededBy) throws Exception {
        return body(postJson(
                                "/api/v1/vmi/calloffs",
                                as(Role.BUYER),
                                "{\"supplier\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":%s,\"neededBy\":\"%s\"}"
                                        .formatted(supplier, data.item, data.vmi, qty, neededBy))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    private void order(String supplier, LocalDate day) throws Exception {
        postJson(
                        "/api/v1/purchase-orders",
                        as(Role.BUYER),
                        "{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":10,\"neededBy\":\"%s\"}]}"
                                .formatted(supplier, data.warehouse, data.item, day.plusDays(10)))
                .andExpect(status().isCreated());
    }

    private JsonNode getJson(RequestPostProcessor who, String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static void assertKpi(JsonNode report, String code, String value, String previous) {
        for (JsonNode k : report.get("kpis")) {
            if (k.get("code").asString().equals(code)) {
                assertDecimal(k.get("value"), value, code + " value");
                assertDecimal(k.get("previous"), previous, code + " previous");
                return;
            }
        }
        throw new AssertionError("no KPI " + code + " in " + report);
    }

    private static void assertDecimal(JsonNode node, String expected, String what) {
        if (expected == null) {
            assertThat(node == null || node.isNull())
                    .as(what + " is null, was " + node)
                    .isTrue();
        } else {
            assertThat(node.decimalValue()).as(what).isEqualByComparingTo(expected);
        }
    }
}
