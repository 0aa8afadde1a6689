package org.openvmi.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 part 4: one statement per supplier and period (a duplicate is 409, an empty one 422, two at once make
 * one), and the month's statements listed with their totals and issued in one request; on H2 and PostgreSQL.
 */
abstract class StatementsInBulkContract extends VmiTestSupport {

    @Test
    void a_second_statement_of_the_same_supplier_and_period_is_refused_with_409_and_an_empty_one_with_422()
            throws Exception {
        consumed(data.supplier, "7");
        YearMonth month = YearMonth.now(clock);
        makeMonthStatement(data.supplier, month)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(14.00));
        consume(data.item, "1").andExpect(status().isCreated());
        makeMonthStatement(data.supplier, month)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.detail", containsString("already")));
        assertThat(statementsOf(data.supplier)).isEqualTo(1);

        String empty = supplierWithNothing();
        makeMonthStatement(empty, month)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("0.00")));
        assertThat(statementsOf(empty)).isZero();
    }

    @Test
    void the_same_statement_asked_twice_at_once_is_made_once() throws Exception {
        consumed(data.supplier, "7");
        YearMonth month = YearMonth.now(clock);
        List<Integer> statuses = twiceAtOnce(() -> makeMonthStatement(data.supplier, month)
                .andReturn()
                .getResponse()
                .getStatus());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(statementsOf(data.supplier)).isEqualTo(1);
    }

    @Test
    void two_bulk_issues_at_once_issue_each_supplier_once() throws Exception {
        consumed(data.supplier, "7");
        String period = YearMonth.now(clock).toString();
        List<Integer> issued =
                twiceAtOnce(() -> body(bulk(period, null, data.supplier).andExpect(status().isOk()))
                        .get("issued")
                        .asInt());
        assertThat(issued).containsExactlyInAnyOrder(1, 0);
        assertThat(statementsOf(data.supplier)).isEqualTo(1);
    }

    @Test
    void the_months_candidates_show_their_totals_and_one_request_issues_them_skipping_suppliers_with_nothing()
            throws Exception {
        consumed(data.supplier, "7");
        String period = YearMonth.now(clock).toString();
        String empty = supplierWithNothing();
        JsonNode candidate = candidate(period, data.supplier);
        assertThat(candidate.get("lines").asInt()).isEqualTo(1);
        assertThat(candidate.get("amount").decimalValue()).isEqualByComparingTo("14.00");
        assertThat(candidate.get("refusal").isNull()).isTrue();
        assertThat(candidate(period, empty)).isNull();

        String key = "bulk-" + data.supplier;
        JsonNode result = body(bulk(period, key, data.supplier, empty).andExpect(status().isOk()));
        assertThat(result.get("issued").asInt()).isEqualTo(1);
        JsonNode issued = result.get("suppliers").get(0);
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.get("amount").decimalValue()).isEqualByComparingTo("14.00");
        assertThat(result.get("suppliers").get(1).get("status").asString()).isEqualTo("SKIPPED");
        long statement = issued.get("statement").asLong();
        mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.from").value(period + "-01"));

        // the same request again (a retry) answers the same and makes nothing more
        JsonNode again = body(bulk(period, key, data.supplier, empty).andExpect(status().isOk()));
        assertThat(again.get("suppliers").get(0).get("statement").asLong()).isEqualTo(statement);
        assertThat(statementsOf(data.supplier)).isEqualTo(1);

        // a late consumption of the month: the supplier is listed as having its statement, and refused
        consume(data.item, "1").andExpect(status().isCreated());
        assertThat(candidate(period, data.supplier).get("refusal").asString()).isEqualTo("DUPLICATE");
        JsonNode refused = body(bulk(period, null, data.supplier).andExpect(status().isOk()));
        assertThat(refused.get("refused").asInt()).isEqualTo(1);
        assertThat(refused.get("suppliers").get(0).get("statement").asLong()).isEqualTo(statement);
        assertThat(statementsOf(data.supplier)).isEqualTo(1);

        mvc.perform(get("/api/v1/settlements/candidates")
                        .param("period", "2026-13")
                        .with(as(Role.FINANCE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    // ---- helpers

    /** An agreement at 2.00, 20 received and {@code qty} consumed: one open settlement line of the supplier. */
    private void consumed(String supplier, String qty) throws Exception {
        agreement(supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        receiveAll(asn(as(Role.BUYER), supplier, asnLine(data.item, "20", null)), data.item, "20");
        consume(data.item, qty).andExpect(status().isCreated());
    }

    private ResultActions makeMonthStatement(String supplier, YearMonth month) throws Exception {
        return postJson(
                "/api/v1/settlements",
                as(Role.FINANCE),
                "{\"supplier\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
                        .formatted(supplier, month.atDay(1), month.atEndOfMonth()));
    }

    private ResultActions bulk(String period, String key, String... suppliers) throws Exception {
        var request = post("/api/v1/settlements/bulk")
                .with(as(Role.FINANCE))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"%s\",\"suppliers\":[\"%s\"]}"
                        .formatted(period, String.join("\",\"", suppliers)));
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
    }

    private JsonNode candidate(String period, String supplier) throws Exception {
        JsonNode all = body(mvc.perform(get("/api/v1/settlements/candidates")
                        .param("period", period)
                        .with(as(Role.FINANCE)))
                .andExpect(status().isOk()));
        for (JsonNode c : all) {
            if (c.get("supplier").asString().equals(supplier)) {
                return c;
            }
        }
        return null;
    }

    private String supplierWithNothing() {
        SupplierCommand s = new SupplierCommand();
        s.setCode(Fixtures.unique("VE"));
        s.setName("无消耗供应商");
        suppliers.create(s);
        return s.getCode();
    }

    private long statementsOf(String supplier) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM vmi_settlement_statement st JOIN supplier s ON s.id = st.supplier_id
                WHERE s.code = :s""").param("s", supplier).query(Long.class).single();
    }

    private static <T> List<T> twiceAtOnce(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }
}
