package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.BarcodeReader;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.UiSessions;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;

/**
 * The printable PO and goods-receipt note, the barcode behind them, and the receiving page reading what is printed:
 * the PO number as printed (any case, with or without the prefix) and item barcodes.
 */
@H2Test
@Import(MutableClockConfiguration.class)
class PrintAndReceivingPagesOnH2Test extends ProcurementApiSupport {

    long po;
    String barcode;
    MockHttpSession buyer;
    MockHttpSession warehouse;
    MockHttpSession supplierA;
    MockHttpSession supplierB;

    @BeforeEach
    void anOrderOfTwoHundredBearingsFromSupplierA() throws Exception {
        po = order(approvedRequisition(data.bearing, "200")); // T-SUP-A, 2.95 CNY each
        barcode = Fixtures.unique("69");
        jdbc.sql("INSERT INTO item_barcode (barcode, item_id) SELECT :b, id FROM item WHERE code = :c")
                .param("b", barcode)
                .param("c", data.bearing)
                .update();
        buyer = UiSessions.login(mvc, "t-buyer");
        warehouse = UiSessions.login(mvc, "t-warehouse");
        supplierA = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        supplierB = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_B);
    }

    @Test
    void the_po_prints_for_the_buyer_and_its_supplier_with_its_barcode_and_the_total_in_capitals() throws Exception {
        mvc.perform(get("/purchase-orders/" + po + "/print").session(buyer).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>采购订单</h1>"),
                                containsString("id=\"po-number\">PO-" + po + "<"),
                                containsString("/labels/barcode?text=PO-" + po),
                                containsString("深沟球轴承 6204"),
                                containsString("id=\"po-total\">¥590.00<"),
                                containsString("伍佰玖拾元整"),
                                containsString("data-print"),
                                not(containsString("class=\"menu\"")))));
        mvc.perform(get("/purchase-orders/" + po + "/print").session(buyer).header("Accept-Language", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Purchase order</h1>"), containsString("Amount in capitals"))));
        mvc.perform(get("/purchase-orders/" + po + "/print").session(supplierA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PO-" + po)));
        mvc.perform(get("/purchase-orders/" + po + "/print").session(supplierB)).andExpect(status().isNotFound());
    }

    @Test
    void the_barcode_printed_on_the_po_decodes_to_the_po_number_and_the_supplier_may_load_it() throws Exception {
        byte[] png = mvc.perform(
                        get("/labels/barcode").param("text", "PO-" + po).session(supplierA))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(BarcodeReader.decode(png).getText()).isEqualTo("PO-" + po);
        byte[] qr = mvc.perform(get("/labels/barcode")
                        .param("text", data.bearing)
                        .param("kind", "QR")
                        .session(warehouse))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(BarcodeReader.decode(qr).getText()).isEqualTo(data.bearing);
        mvc.perform(get("/labels/barcode").param("text", "深圳").session(warehouse))
                .andExpect(status().isBadRequest());
    }

    @Test
    void receiving_takes_the_printed_po_number_in_any_case_then_prints_the_receipt_note() throws Exception {
        mvc.perform(get("/receipts/new")
                        .param("po", "PO-" + po)
                        .session(warehouse)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"receipt-lines\""), containsString("value=\"PO-" + po + "\""))));

        Long receipt = (Long) mvc.perform(post("/receipts")
                        .session(warehouse)
                        .with(csrf())
                        .param("key", "a-" + po)
                        .param("doc", "po-" + po)
                        .param("location", data.receiving)
                        .param("qty-1", "5"))
                .andExpect(redirectedUrl("/receipts/new?location=" + data.receiving))
                .andExpect(flash().attribute("flash", containsString("RC-")))
                .andReturn()
                .getFlashMap()
                .get("receipt");
        assertThat(received(po)).isEqualByComparingTo(new BigDecimal("5"));
        mvc.perform(post("/receipts")
                        .session(warehouse)
                        .with(csrf())
                        .param("key", "b-" + po)
                        .param("doc", String.valueOf(po))
                        .param("location", data.receiving)
                        .param("qty-1", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(received(po)).isEqualByComparingTo(new BigDecimal("7"));

        mvc.perform(get("/receipts/" + receipt + "/print").session(warehouse).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>收货单</h1>"),
                                containsString("RC-" + receipt),
                                containsString("深沟球轴承 6204"),
                                containsString("PO-" + po))));
        mvc.perform(get("/receipts/" + receipt + "/print").session(supplierA)).andExpect(status().isForbidden());
    }

    @Test
    void an_unknown_item_po_number_or_quantity_is_refused_at_its_field_in_the_pages_language_and_the_input_is_kept()
            throws Exception {
        mvc.perform(post("/receipts")
                        .session(warehouse)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("action", "scan")
                        .param("doc", "PO-" + po)
                        .param("location", data.receiving)
                        .param("scan", "NOPE-4711")
                        .param("qty-1", "7"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("“NOPE-4711”不在 PO-" + po + " 上"),
                                containsString("value=\"7\""),
                                containsString("value=\"PO-" + po + "\""),
                                not(containsString("lines[0]")))));
        mvc.perform(get("/receipts/new")
                        .session(warehouse)
                        .header("Accept-Language", "en")
                        .param("doc", "PX-" + po))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"doc-error\""),
                                containsString("is neither a purchase order number"))));
        mvc.perform(post("/receipts")
                        .session(warehouse)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("doc", "PO-" + po)
                        .param("location", data.receiving)
                        .param("qty-1", "abc"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(allOf(containsString("id=\"qty-1-error\""), containsString("value=\"abc\""))));
        mvc.perform(post("/receipts")
                        .session(warehouse)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("action", "scan")
                        .param("doc", "PO-" + po)
                        .param("location", data.receiving)
                        .param("scan", data.yuan))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“" + data.yuan + "”不在 PO-" + po + " 上")));
        assertThat(received(po)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void label_sheets_list_items_by_code_or_barcode_and_a_warehouses_locations() throws Exception {
        mvc.perform(get("/labels/items")
                        .param("codes", barcode + "\nNOPE-1")
                        .session(warehouse)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-code=\"" + data.bearing + "\""),
                                containsString("/labels/barcode?text=" + data.bearing + "&amp;kind=QR"),
                                containsString("以下物料不存在，已略过：NOPE-1"))));
        mvc.perform(get("/labels/locations").param("warehouse", data.warehouse).session(warehouse))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-code=\"" + data.receiving + "\""),
                                containsString("data-code=\"" + data.storage + "\""))));
        mvc.perform(get("/labels/items").param("codes", data.bearing).session(supplierA))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_item_and_warehouse_lists_print_the_labels_of_their_filtered_rows() throws Exception {
        String items = mvc.perform(get("/items").param("q", data.bearing).session(warehouse))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(items).containsPattern("id=\"print-item-labels\"[^>]*formaction=\"/labels/items\"");
        // the button submits the list's filter form: its fields plus list=true
        mvc.perform(get("/labels/items")
                        .param("list", "true")
                        .param("q", data.bearing)
                        .param("category", "")
                        .session(warehouse))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-code=\"" + data.bearing + "\""),
                                not(containsString("data-code=\"" + data.yuan + "\"")))));
        String warehouses = mvc.perform(
                        get("/warehouses").param("q", data.warehouse).session(warehouse))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(warehouses).containsPattern("id=\"print-location-labels\"[^>]*formaction=\"/labels/locations\"");
        mvc.perform(get("/labels/locations").param("q", data.warehouse).session(warehouse))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-code=\"" + data.receiving + "\""),
                                containsString("data-code=\"" + data.storage + "\""))));
        assertThat(mvc.perform(get("/warehouses/" + data.warehouse).session(warehouse))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/labels/locations?warehouse=" + data.warehouse);
        assertThat(mvc.perform(get("/items").session(supplierA))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("print-item-labels");
    }
}
