package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;

/** Transfers between warehouses through the REST API, on H2 and PostgreSQL. */
abstract class TransferApiContract extends StockDocsContract {

    long create(String from, String to, String lines) throws Exception {
        return body(postJson(
                                "/api/v1/transfers",
                                Role.WAREHOUSE,
                                "{\"from\":\"%s\",\"to\":\"%s\",\"reference\":\"TR-1\",\"lines\":[%s]}"
                                        .formatted(from, to, lines))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    static String line(String item, String lot, String qty) {
        return "{\"item\":\"%s\",\"lot\":%s,\"qty\":%s}".formatted(item, lot == null ? "null" : "\"" + lot + "\"", qty);
    }

    @Test
    void a_transfer_moves_stock_through_in_transit_with_partial_receipts_and_closes_with_a_difference_report()
            throws Exception {
        receive(item, bin1, null, "10");
        receive(lotItem, bin1, "L1", "5");
        long id = create(bin1, data.destBin, line(item, null, "10") + "," + line(lotItem, "L1", "5"));
        mvc.perform(get("/api/v1/transfers/" + id).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.toWarehouse").value(data.destWarehouse))
                .andExpect(jsonPath("$.differenceReport").doesNotExist());
        assertThat(onHand(item, bin1)).isEqualByComparingTo("10");

        postJson("/api/v1/transfers/" + id + "/ship", Role.WAREHOUSE, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SHIPPED"))
                .andExpect(jsonPath("$.inTransitLocation").value(data.destTransit));
        assertThat(onHand(item, bin1)).isZero();
        assertThat(onHand(item, data.destTransit)).isEqualByComparingTo("10");
        assertThat(onHand(item, data.destBin)).isZero();
        mvc.perform(get("/api/v1/stock")
                        .param("item", item)
                        .param("location", data.destBin)
                        .with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.content[0].onHand").value(0))
                .andExpect(jsonPath("$.content[0].inTransit").value(10));

        postJson(
                        "/api/v1/transfers/" + id + "/receive",
                        Role.WAREHOUSE,
                        "{\"lines\":[{\"item\":\"" + item + "\",\"qty\":4}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PARTIALLY_RECEIVED"));
        postJson(
                        "/api/v1/transfers/" + id + "/receive",
                        Role.WAREHOUSE,
                        "{\"lines\":[" + line(item, null, "3") + "," + line(lotItem, "L1", "5") + "]}")
                .andExpect(jsonPath("$.status").value("PARTIALLY_RECEIVED"))
                .andExpect(jsonPath("$.differenceReport.difference").value(3));
        assertThat(onHand(item, data.destTransit)).isEqualByComparingTo("3");
        assertThat(onHand(item, data.destBin)).isEqualByComparingTo("7");
        assertThat(onHand(lotItem, data.destBin)).isEqualByComparingTo("5");
        mvc.perform(get("/api/v1/stock")
                        .param("item", item)
                        .param("location", data.destBin)
                        .with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.content[0].onHand").value(7))
                .andExpect(jsonPath("$.content[0].inTransit").value(3));

        postJson("/api/v1/transfers/" + id + "/close", Role.WAREHOUSE, "{\"reason\":\"lost on the way\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeReason").value("lost on the way"))
                .andExpect(jsonPath("$.differenceReport.writtenOff").value(true))
                .andExpect(jsonPath("$.differenceReport.lines[0].shipped").value(10))
                .andExpect(jsonPath("$.differenceReport.lines[0].received").value(7))
                .andExpect(jsonPath("$.differenceReport.lines[0].difference").value(3))
                .andExpect(jsonPath("$.differenceReport.lines[1].difference").value(0));
        assertThat(onHand(item, data.destTransit)).isZero();
        assertThat(onHand(item, data.destBin)).isEqualByComparingTo("7");
        mvc.perform(get("/api/v1/movements")
                        .param("reference", "TRF-" + id)
                        .param("type", "ADJUST")
                        .with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].location").value(data.destTransit))
                .andExpect(jsonPath("$.content[0].qty").value(-3))
                .andExpect(jsonPath("$.content[0].reason").value("transfer difference"));
        mvc.perform(get("/api/v1/stock")
                        .param("item", item)
                        .param("location", data.destBin)
                        .with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.content[0].inTransit").value(0));
        mvc.perform(get("/api/v1/transfers")
                        .param("status", "closed")
                        .param("warehouse", data.destWarehouse)
                        .with(as(Role.BUYER)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].received").value(12));
        mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void a_transfer_received_in_full_is_RECEIVED_and_can_no_longer_be_received_or_closed() throws Exception {
        receive(item, bin1, null, "6");
        long id = create(bin1, data.destBin, line(item, null, "6"));
        postJson("/api/v1/transfers/" + id + "/ship", Role.WAREHOUSE, "").andExpect(status().isOk());
        postJson("/api/v1/transfers/" + id + "/receive", Role.WAREHOUSE, "{\"lines\":[" + line(item, null, "6") + "]}")
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.differenceReport.difference").value(0));
        postJson("/api/v1/transfers/" + id + "/close", Role.WAREHOUSE, "").andExpect(status().isConflict());
        postJson("/api/v1/transfers/" + id + "/receive", Role.WAREHOUSE, "{\"lines\":[" + line(item, null, "1") + "]}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("RECEIVED")));
        assertThat(onHand(item, data.destBin)).isEqualByComparingTo("6");
        assertThat(onHand(item, data.destTransit)).isZero();
    }

    @Test
    void receiving_more_than_shipped_is_refused_with_422_and_moves_nothing() throws Exception {
        receive(item, bin1, null, "5");
        long id = create(bin1, data.destBin, line(item, null, "5"));
        postJson("/api/v1/transfers/" + id + "/ship", Role.WAREHOUSE, "").andExpect(status().isOk());
        postJson("/api/v1/transfers/" + id + "/receive", Role.WAREHOUSE, "{\"lines\":[" + line(item, null, "2") + "]}")
                .andExpect(status().isOk());
        postJson("/api/v1/transfers/" + id + "/receive", Role.WAREHOUSE, "{\"lines\":[" + line(item, null, "4") + "]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"))
                .andExpect(jsonPath("$.detail", containsString("shipped 5, received 2, open 3, requested 4")));
        postJson(
                        "/api/v1/transfers/" + id + "/receive",
                        Role.WAREHOUSE,
                        "{\"lines\":[" + line(lotItem, "X", "1") + "]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].item"));
        assertThat(onHand(item, data.destTransit)).isEqualByComparingTo("3");
        assertThat(onHand(item, data.destBin)).isEqualByComparingTo("2");
    }

    @Test
    void shipping_twice_concurrently_ships_once() throws Exception {
        receive(item, bin1, null, "20");
        long id = create(bin1, data.destBin, line(item, null, "8"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/api/v1/transfers/" + id + "/ship").with(as(Role.WAREHOUSE)))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            Collections.sort(statuses);
            assertThat(statuses).containsExactly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(onHand(item, bin1)).isEqualByComparingTo("12");
        assertThat(onHand(item, data.destTransit)).isEqualByComparingTo("8");
        assertThat(movements("TRANSFER_OUT", "TRF-" + id)).isEqualTo(1);
    }

    @Test
    void shipping_to_a_warehouse_without_an_in_transit_location_is_422_and_moves_nothing() throws Exception {
        receive(item, bin1, null, "4");
        long id = create(bin1, data.bareBin, line(item, null, "4"));
        postJson("/api/v1/transfers/" + id + "/ship", Role.WAREHOUSE, "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.detail", containsString(data.bareWarehouse)))
                .andExpect(jsonPath("$.detail", containsString("in-transit")));
        mvc.perform(get("/api/v1/transfers/" + id).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        assertThat(onHand(item, bin1)).isEqualByComparingTo("4");
    }

    @Test
    void shipping_more_than_available_is_409_naming_the_line_and_leaves_a_draft() throws Exception {
        receive(item, bin1, null, "2");
        long id = create(bin1, data.destBin, line(item, null, "3"));
        postJson("/api/v1/transfers/" + id + "/ship", Role.WAREHOUSE, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"))
                .andExpect(jsonPath("$.detail", containsString("available 2, requested 3")));
        mvc.perform(get("/api/v1/transfers/" + id).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        assertThat(onHand(item, bin1)).isEqualByComparingTo("2");
        assertThat(onHand(item, data.destTransit)).isZero();
    }

    @Test
    void a_transfer_within_one_warehouse_or_with_bad_lines_is_refused_naming_the_fields() throws Exception {
        postJson(
                        "/api/v1/transfers",
                        Role.WAREHOUSE,
                        "{\"from\":\"%s\",\"to\":\"%s\",\"lines\":[%s]}".formatted(bin1, bin2, line(item, null, "1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        postJson(
                        "/api/v1/transfers",
                        Role.WAREHOUSE,
                        "{\"from\":\"NO-SUCH\",\"to\":\"%s\",\"lines\":[%s,%s,%s,%s]}"
                                .formatted(
                                        data.destBin,
                                        line("NO-ITEM", null, "1"),
                                        line(item, null, "0"),
                                        line(lotItem, null, "1"),
                                        line(item, null, "1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("from")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[0].item")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[1].qty")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[2].lot")));
        postJson(
                        "/api/v1/transfers",
                        Role.WAREHOUSE,
                        "{\"from\":\"%s\",\"to\":\"%s\",\"lines\":[%s,%s]}"
                                .formatted(bin1, data.destBin, line(item, null, "1"), line(item, null, "2")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[1]"));
        mvc.perform(get("/api/v1/transfers").param("status", "LOST").with(as(Role.VIEWER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void a_retried_receipt_with_the_same_idempotency_key_is_received_once() throws Exception {
        receive(item, bin1, null, "9");
        long id = create(bin1, data.destBin, line(item, null, "9"));
        postJson("/api/v1/transfers/" + id + "/ship", Role.WAREHOUSE, "").andExpect(status().isOk());
        String key = Fixtures.unique("RCV");
        String body = "{\"lines\":[" + line(item, null, "4") + "]}";
        String first = mvc.perform(post("/api/v1/transfers/" + id + "/receive")
                        .with(as(Role.WAREHOUSE))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String retry = mvc.perform(post("/api/v1/transfers/" + id + "/receive")
                        .with(as(Role.WAREHOUSE))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(retry).isEqualTo(first);
        assertThat(onHand(item, data.destBin)).isEqualByComparingTo("4");
        mvc.perform(post("/api/v1/transfers/" + id + "/receive")
                        .with(as(Role.WAREHOUSE))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[" + line(item, null, "5") + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(onHand(item, data.destBin)).isEqualByComparingTo("4");
        assertThat(movements("TRANSFER_IN", "TRF-" + id)).isEqualTo(2);
    }

    @Test
    void a_supplier_user_gets_403_on_transfer_writes() throws Exception {
        receive(item, bin1, null, "3");
        long id = create(bin1, data.destBin, line(item, null, "3"));
        mvc.perform(post("/api/v1/transfers")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"%s\",\"to\":\"%s\",\"lines\":[%s]}"
                                .formatted(bin1, data.destBin, line(item, null, "1"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/transfers/" + id + "/ship").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/transfers/" + id).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/transfers/" + id).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/transfers/" + id).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(header().doesNotExist("Location"));
        assertThat(onHand(item, bin1)).isEqualByComparingTo("3");
    }
}
