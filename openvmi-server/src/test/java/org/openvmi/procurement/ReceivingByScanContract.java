package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.UiSessions;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * Receiving by scan (issue 21): the PO or shipment notice opens the receipt with its open lines and the warehouse's
 * receiving location; the whole receipt is ONE post in one transaction, once per receipt key; a refusal changes
 * nothing and keeps every typed quantity. Run on H2 and PostgreSQL.
 */
abstract class ReceivingByScanContract extends ProcurementApiSupport {

    long po;
    String barcode;
    MockHttpSession clerk;

    /** PO of 200 bearings (line 1, with a barcode) and 10 washers (line 2) from T-SUP-A, sent. */
    @BeforeEach
    void aTwoLineOrder() throws Exception {
        po = body(send(
                                as(Role.BUYER),
                                "/api/v1/purchase-orders",
                                ("{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":"
                                                + "[{\"item\":\"%s\",\"qty\":200},{\"item\":\"%s\",\"qty\":10}]}")
                                        .formatted(Fixtures.SUPPLIER_A, data.warehouse, data.bearing, data.yuan))
                        .andExpect(status().isCreated()))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
        barcode = Fixtures.unique("69");
        jdbc.sql("INSERT INTO item_barcode (barcode, item_id) SELECT :b, id FROM item WHERE code = :c")
                .param("b", barcode)
                .param("c", data.bearing)
                .update();
        clerk = UiSessions.login(mvc, "t-warehouse");
    }

    private void receivingLocation(String location) throws Exception {
        mvc.perform(put("/api/v1/warehouses/" + data.warehouse)
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"采购测试仓\",\"receivingLocation\":\"%s\"}"
                                .formatted(data.warehouse, location)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.receivingLocation").value(location));
    }

    /** The input as rendered (Thymeleaf breaks the tag's attributes over lines). */
    private static org.hamcrest.Matcher<String> typed(String name, String value) {
        return org.hamcrest.Matchers.matchesPattern("(?s).*name=\"" + name + "\"\\s+value=\"" + value + "\".*");
    }

    private long receipts() {
        return jdbc.sql("SELECT COUNT(*) FROM proc_receipt WHERE po_id = :po")
                .param("po", po)
                .query(Long.class)
                .single();
    }

    @Test
    void the_printed_po_number_opens_its_open_lines_with_the_warehouses_receiving_location() throws Exception {
        receivingLocation(data.receiving);
        mvc.perform(get("/receipts/new").param("doc", "po-" + po).session(clerk).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"receipt-lines\""),
                                containsString("data-item=\"" + data.bearing + "\""),
                                containsString("data-codes=\"" + barcode + "\""),
                                containsString("data-open=\"200\""),
                                containsString("data-item=\"" + data.yuan + "\""),
                                containsString("id=\"location\" name=\"location\" value=\"" + data.receiving + "\""),
                                containsString("本仓库的收货库位"),
                                containsString("name=\"key\""))));
        mvc.perform(get("/receipts/new").param("doc", "XX-1").session(clerk).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"doc-error\""),
                                containsString("既不是采购订单号"),
                                not(containsString("id=\"receive-form\"")))));
    }

    @Test
    void a_warehouse_receives_only_at_one_of_its_own_locations() throws Exception {
        mvc.perform(put("/api/v1/warehouses/" + data.warehouse)
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"x\",\"receivingLocation\":\"NOPE-LOC\"}"
                                .formatted(data.warehouse)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("receivingLocation"));
        mvc.perform(get("/warehouses/" + data.warehouse).session(clerk))
                .andExpect(content().string(containsString("id=\"receivingLocation\"")));
        // the warehouse form: another warehouse's location is refused at the field in Chinese, its own is saved
        mvc.perform(post("/warehouses/" + data.warehouse)
                        .session(clerk)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", "采购测试仓")
                        .param("receivingLocation", "NOPE-LOC"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("库位“NOPE-LOC”不是仓库“" + data.warehouse + "”的库位"),
                                containsString("value=\"NOPE-LOC\""))));
        mvc.perform(post("/warehouses/" + data.warehouse)
                        .session(clerk)
                        .with(csrf())
                        .param("name", "采购测试仓")
                        .param("receivingLocation", data.storage))
                .andExpect(redirectedUrl("/warehouses/" + data.warehouse));
        assertThat(jdbc.sql(
                                "SELECT l.code FROM warehouse w JOIN location l ON l.id = w.receiving_location_id WHERE w.code = :w")
                        .param("w", data.warehouse)
                        .query(String.class)
                        .single())
                .isEqualTo(data.storage);
    }

    @Test
    void the_whole_receipt_is_one_post_one_receipt_and_one_posting() throws Exception {
        mvc.perform(post("/receipts")
                        .session(clerk)
                        .with(csrf())
                        .param("doc", "PO-" + po)
                        .param("key", "k-" + po)
                        .param("location", data.receiving)
                        .param("qty-1", "200")
                        .param("qty-2", "8")
                        .param("rejectedQty-2", "2")
                        .param("rejectReason-2", "生锈"))
                .andExpect(redirectedUrl("/receipts/new?location=" + data.receiving))
                .andExpect(flash().attribute("flash", containsString("2")));
        assertThat(received(po)).isEqualByComparingTo("208");
        assertThat(receipts()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT posting_id) FROM proc_receipt WHERE po_id = :po")
                        .param("po", po)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(onHand(data.bearing)).isEqualByComparingTo("200");
        assertThat(onHand(data.yuan)).isEqualByComparingTo("8");
    }

    @Test
    void an_over_receipt_refuses_the_whole_receipt_at_its_line_and_keeps_every_quantity() throws Exception {
        mvc.perform(post("/receipts")
                        .session(clerk)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("doc", "PO-" + po)
                        .param("key", "k-over-" + po)
                        .param("location", data.receiving)
                        .param("qty-1", "150")
                        .param("qty-2", "50"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"qty-2-error\""),
                                containsString("收货后将达到 50（订购 10），最多可收 10（超收容差 0%）"),
                                not(containsString("would receive")),
                                typed("qty-1", "150"),
                                typed("qty-2", "50"),
                                containsString("value=\"k-over-" + po + "\""),
                                not(containsString("lines[")))));
        assertThat(received(po)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(receipts()).isZero();
        assertThat(onHand(data.bearing)).isEqualByComparingTo(BigDecimal.ZERO);
        // corrected and posted again with the same key: received once, as corrected
        mvc.perform(post("/receipts")
                        .session(clerk)
                        .with(csrf())
                        .param("doc", "PO-" + po)
                        .param("key", "k-over-" + po)
                        .param("location", data.receiving)
                        .param("qty-1", "150")
                        .param("qty-2", "10"))
                .andExpect(status().is3xxRedirection());
        assertThat(received(po)).isEqualByComparingTo("160");
    }

    @Test
    void a_double_submit_of_the_same_receipt_receives_once_on_the_page_and_through_the_api() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/receipts")
                            .session(clerk)
                            .with(csrf())
                            .param("doc", "PO-" + po)
                            .param("key", "twice-" + po)
                            .param("location", data.receiving)
                            .param("qty-1", "20"))
                    .andExpect(redirectedUrl("/receipts/new?location=" + data.receiving));
        }
        assertThat(received(po)).isEqualByComparingTo("20");
        assertThat(receipts()).isEqualTo(1);

        String body = "{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"line\":2,\"qty\":3}]}"
                .formatted(po, data.receiving);
        long first = body(mvc.perform(post("/api/v1/receipts")
                                .with(as(Role.WAREHOUSE))
                                .header("Idempotency-Key", "api-" + po)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        long again = body(mvc.perform(post("/api/v1/receipts")
                                .with(as(Role.WAREHOUSE))
                                .header("Idempotency-Key", "api-" + po)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        assertThat(again).isEqualTo(first);
        assertThat(received(po)).isEqualByComparingTo("23");
    }

    @Test
    void without_script_a_scan_opens_its_line_and_an_item_not_on_the_order_is_refused_keeping_the_quantities()
            throws Exception {
        mvc.perform(post("/receipts")
                        .session(clerk)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("action", "scan")
                        .param("scan", barcode)
                        .param("doc", "PO-" + po)
                        .param("key", "s-" + po)
                        .param("location", data.receiving)
                        .param("qty-2", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(typed("qty-1", "200"), typed("qty-2", "4"))));
        mvc.perform(post("/receipts")
                        .session(clerk)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("action", "scan")
                        .param("scan", "NOPE-4711")
                        .param("doc", "PO-" + po)
                        .param("key", "s-" + po)
                        .param("location", data.receiving)
                        .param("qty-1", "190")
                        .param("qty-2", "4"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("“NOPE-4711”不在 PO-" + po + " 上"),
                                typed("qty-1", "190"),
                                typed("qty-2", "4"))));
        assertThat(received(po)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void a_shipment_notice_opens_with_its_announced_quantities_and_is_received_as_counted() throws Exception {
        long notice = body(send(
                                Fixtures.asUser(Fixtures.SUPPLIER_USER_A),
                                "/api/v1/purchase-orders/" + po + "/shipment-notices",
                                "{\"expectedOn\":\"%s\",\"lines\":[{\"line\":1,\"qty\":100},{\"line\":2,\"qty\":10}]}"
                                        .formatted(today))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        mvc.perform(get("/receipts/new").param("doc", "asn-" + notice).session(clerk))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("data-open=\"100\""), containsString("data-open=\"10\""))));
        mvc.perform(post("/receipts")
                        .session(clerk)
                        .with(csrf())
                        .param("doc", "ASN-" + notice)
                        .param("key", "n-" + notice)
                        .param("location", data.receiving)
                        .param("qty-1", "100")
                        .param("qty-2", "9"))
                .andExpect(status().is3xxRedirection());
        assertThat(received(po)).isEqualByComparingTo("109");
        read(as(Role.WAREHOUSE), "/api/v1/shipment-notices/" + notice)
                .andExpect(jsonPath("$.status").value("RECEIVED"));
    }
}
