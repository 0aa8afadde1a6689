package org.openvmi.consignment;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
        ledger.post(new PostingRequest(List.of(new MovementRequest("RECEIPT", data.item, data.bin, "OWN", null,
                BigDecimal.ONE, new BigDecimal("2.95"), null, "R0"))), null);
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
        postJson("/api/v1/settlements/" + disputed + "/issue", as(Role.FINANCE), "").andExpect(status().isOk());
        postJson("/api/v1/settlements/" + disputed + "/dispute", supplierA, "{\"comment\":\"数量不符\"}")
                .andExpect(status().isOk());
        postJson("/api/v1/settlements/" + disputed + "/close", as(Role.FINANCE), "").andExpect(status().isOk());
        consume(data.item, "20").andExpect(status().isCreated());
        long confirmed = statement(supplier);
        postJson("/api/v1/settlements/" + confirmed + "/issue", as(Role.FINANCE), "").andExpect(status().isOk());
        postJson("/api/v1/settlements/" + confirmed + "/confirm", supplierA, "{}").andExpect(status().isOk());

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
            JsonNode card = getJson(who, "/api/v1/analytics/suppliers/%s/scorecard?warehouse=%s&%s"
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

            JsonNode kpis = getJson(who, "/api/v1/analytics/kpis?warehouse=%s&supplier=%s&%s"
                    .formatted(data.warehouse, supplier, period));
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

            JsonNode consignment = getJson(who, "/api/v1/analytics/consignment?warehouse=%s&%s"
                    .formatted(data.warehouse, period));
            assertThat(consignment.get("suppliers")).hasSize(1);
            JsonNode line = consignment.get("suppliers").get(0);
            assertThat(line.get("supplier").asString()).isEqualTo(supplier);
            assertThat(line.get("stockValue").decimalValue()).isEqualByComparingTo("295.00");
            assertThat(line.get("consumptionValue").decimalValue()).isEqualByComparingTo("1445.50");
            assertThat(line.get("daysOnHand").decimalValue()).isEqualByComparingTo("1.43");
        }
        // another supplier sees neither the scorecard nor supplier A's consignment
        RequestPostProcessor supplierB = asUser(Fixtures.SUPPLIER_USER_B);
        mvc.perform(get("/api/v1/analytics/suppliers/%s/scorecard?%s".formatted(supplier, period)).with(supplierB))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/analytics/kpis?supplier=%s&%s".formatted(supplier, period)).with(supplierB))
                .andExpect(status().isForbidden());
        assertThat(getJson(supplierB, "/api/v1/analytics/consignment?warehouse=%s&%s"
                .formatted(data.warehouse, period)).get("suppliers")).isEmpty();
        mvc.perform(get("/api/v1/analytics/forecast-accuracy").with(supplierB)).andExpect(status().isForbidden());
    }

    private void order(String supplier, LocalDate day) throws Exception {
        postJson("/api/v1/purchase-orders", as(Role.BUYER),
                "{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":10,\"neededBy\":\"%s\"}]}"
                        .formatted(supplier, data.warehouse, data.item, day.plusDays(10)))
                .andExpect(status().isCreated());
    }

    private JsonNode getJson(RequestPostProcessor who, String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
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
            assertThat(node == null || node.isNull()).as(what + " is null, was " + node).isTrue();
        } else {
            assertThat(node.decimalValue()).as(what).isEqualByComparingTo(expected);
        }
    }
}
