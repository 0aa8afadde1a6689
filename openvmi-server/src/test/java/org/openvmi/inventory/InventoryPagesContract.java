package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.tabular.TabularFiles;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularRow;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The scan, stock and movement pages through MockMvc: rendering, filters, exports, party scope, scan posting. */
abstract class InventoryPagesContract {

    private static final RequestPostProcessor WAREHOUSE = user("t-warehouse").roles("WAREHOUSE");
    private static final RequestPostProcessor VIEWER = user("t-viewer").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    InventoryLedger ledger;

    LedgerTestData data;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
    }

    private PostingResult book(
            String type, String item, String location, String owner, String lot, String qty, String reference) {
        return ledger.post(
                new PostingRequest(List.of(new MovementRequest(
                        type, item, location, owner, lot, new BigDecimal(qty), null, null, reference))),
                null);
    }

    /** own: 10 × item at bin1 (unit cost 10.00) and 4 × lotItem at bin2 (5.00); consignment: 6 × item of T-SUP-A (8.50). */
    private void someStock() {
        book("RECEIPT", data.item, data.bin1, "OWN", null, "10", "R-1");
        book("RECEIPT", data.lotItem, data.bin2, "OWN", "L1", "4", "R-2");
        book("RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A, null, "6", "R-3");
        book("ISSUE", data.item, data.bin1, "OWN", null, "3", "WO-9");
    }

    @Test
    void the_pages_render_in_english_and_chinese() throws Exception {
        String[][] pages = {
            {"/scan", "Scan goods in and out", "扫码出入库"},
            {"/stock", "Own stock value", "自有库存金额"},
            {"/movements", "Movement history", "出入库流水"}
        };
        for (String[] page : pages) {
            mvc.perform(get(page[0]).with(WAREHOUSE).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(page[1])))
                    .andExpect(content().string(not(containsString("??"))));
            mvc.perform(get(page[0]).with(WAREHOUSE).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(page[2])))
                    .andExpect(content().string(not(containsString("??"))));
        }
    }

    @Test
    void only_warehouse_people_and_admins_may_scan() throws Exception {
        mvc.perform(get("/scan").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(post("/scan/post").with(user("t-buyer").roles("BUYER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/stock").with(VIEWER)).andExpect(status().isOk());
        mvc.perform(get("/movements").with(VIEWER)).andExpect(status().isOk());
    }

    @Test
    void the_stock_page_filters_and_sums_own_and_consignment_value_apart() throws Exception {
        someStock();
        mvc.perform(get("/stock")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                // own: 7 × 10.00 + 4 × 5.00 = 90.00; consignment: 6 × 8.50 = 51.00
                .andExpect(content().string(containsString("id=\"own-value\">¥90.00<")))
                .andExpect(content().string(containsString("id=\"consignment-value\">¥51.00<")))
                .andExpect(content().string(containsString("data-location=\"" + data.bin1 + "\"")))
                .andExpect(content().string(containsString("data-location=\"" + data.vmi + "\"")))
                .andExpect(content().string(containsString("not our asset")))
                .andExpect(content().string(containsString("\"warehouses\":[\"" + data.warehouse + "\"]")));
        mvc.perform(get("/stock")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .param("owner", "CONSIGNMENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-location=\"" + data.vmi + "\"")))
                .andExpect(content().string(not(containsString("data-location=\"" + data.bin1 + "\""))))
                .andExpect(content().string(containsString("id=\"own-value\">¥0.00<")));
        // the item text matches a part of the name, case-insensitively
        mvc.perform(get("/stock")
                        .with(VIEWER)
                        .param("q", data.lotItem.substring(3).toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-item=\"" + data.lotItem + "\"")))
                .andExpect(content().string(not(containsString("data-item=\"" + data.item + "\""))));
        mvc.perform(get("/stock")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .param("location", data.bin2))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-item=\"" + data.lotItem + "\"")))
                .andExpect(content().string(not(containsString("data-item=\"" + data.item + "\""))));
    }

    /** The location filters were a datalist of one warehouse's codes (empty until a warehouse was chosen). */
    @Test
    void the_location_filters_of_stock_and_movements_are_location_pickers() throws Exception {
        for (String page : new String[] {"/stock", "/movements"}) {
            mvc.perform(get(page)
                            .with(VIEWER)
                            .param("warehouse", data.warehouse)
                            .param("location", data.bin2))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"location\" value=\"" + data.bin2 + "\"")))
                    .andExpect(content()
                            .string(containsString("data-picker=\"locations\" data-picker-url=\"/pick/locations\"")))
                    .andExpect(content().string(not(containsString("<datalist"))));
        }
        mvc.perform(get("/pick/locations").with(VIEWER).param("q", data.bin2).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-value=\"" + data.bin2 + "\"")));
    }

    @Test
    void a_supplier_user_sees_only_the_stock_of_its_own_items() throws Exception {
        someStock();
        var supplierUser = user(userDetails.loadUserByUsername(Fixtures.SUPPLIER_USER_A));
        mvc.perform(get("/stock").with(supplierUser).param("warehouse", data.warehouse))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-item=\"" + data.item + "\"")))
                .andExpect(content().string(not(containsString("data-item=\"" + data.lotItem + "\""))));
        String csv = mvc.perform(get("/stock/export")
                        .with(supplierUser)
                        .param("format", "csv")
                        .param("warehouse", data.warehouse))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(data.item).doesNotContain(data.lotItem);
        var otherSupplier = user(userDetails.loadUserByUsername(Fixtures.SUPPLIER_USER_B));
        mvc.perform(get("/stock").with(otherSupplier).param("warehouse", data.warehouse))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-item=\"" + data.item + "\""))));
    }

    @Test
    void the_stock_export_holds_every_matching_row_as_csv_and_xlsx() throws Exception {
        someStock();
        byte[] csv = mvc.perform(
                        get("/stock/export").with(VIEWER).param("format", "csv").param("warehouse", data.warehouse))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<TabularRow> rows = TabularFiles.read(new ByteArrayInputStream(csv), TabularFormat.CSV);
        assertThat(rows)
                .extracting(r -> r.get("item") + "@" + r.get("location") + "/" + r.get("owner") + "=" + r.get("onHand"))
                .containsExactly(
                        data.item + "@" + data.bin1 + "/OWN=7",
                        data.item + "@" + data.vmi + "/T-SUP-A=6",
                        data.lotItem + "@" + data.bin2 + "/OWN=4");
        assertThat(rows.get(1).get("value")).isEqualTo("51.00");
        assertThat(rows.get(1).get("asset")).isEqualTo("false");

        byte[] xlsx = mvc.perform(get("/stock/export")
                        .with(VIEWER)
                        .param("format", "xlsx")
                        .param("warehouse", data.warehouse)
                        .param("owner", "OWN"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(TabularFiles.read(new ByteArrayInputStream(xlsx), TabularFormat.XLSX))
                .extracting(r -> r.get("item") + "=" + r.get("available"))
                .containsExactly(data.item + "=7", data.lotItem + "=4");
    }

    @Test
    void the_movement_history_filters_by_type_reference_owner_and_date() throws Exception {
        someStock();
        mvc.perform(get("/movements")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 4 条流水")))
                .andExpect(content().string(containsString("收货入库")));
        mvc.perform(get("/movements")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .param("type", "ISSUE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-type=\"ISSUE\"")))
                .andExpect(content().string(not(containsString("data-type=\"RECEIPT\""))));
        mvc.perform(get("/movements")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .param("reference", "R-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-item=\"" + data.lotItem + "\"")))
                .andExpect(content().string(not(containsString("data-item=\"" + data.item + "\""))));
        mvc.perform(get("/movements")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .param("owner", "CONSIGNMENT")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 movements")));
        mvc.perform(get("/movements")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .param("to", "2000-01-01")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0 movements")));
        String today = java.time.LocalDate.now().toString();
        mvc.perform(get("/movements")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .param("from", today)
                        .param("to", today)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("4 movements")));
    }

    @Test
    void the_movement_export_streams_all_matching_rows_not_just_one_page() throws Exception {
        List<MovementRequest> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(new MovementRequest(
                    "RECEIPT", data.item, data.bin1, null, null, BigDecimal.ONE, null, null, "BULK-" + i));
        }
        ledger.post(new PostingRequest(lines), null);
        book("ISSUE", data.item, data.bin1, "OWN", null, "2", "OUT-1");

        mvc.perform(get("/movements")
                        .with(VIEWER)
                        .param("warehouse", data.warehouse)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("61 movements")))
                .andExpect(content().string(containsString("page 1 of 2")));
        byte[] csv = mvc.perform(get("/movements/export")
                        .with(VIEWER)
                        .param("format", "csv")
                        .param("warehouse", data.warehouse)
                        .param("type", "RECEIPT"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<TabularRow> rows = TabularFiles.read(new ByteArrayInputStream(csv), TabularFormat.CSV);
        assertThat(rows).hasSize(60).allSatisfy(r -> {
            assertThat(r.get("type")).isEqualTo("RECEIPT");
            assertThat(r.get("item")).isEqualTo(data.item);
            assertThat(r.get("qty")).isEqualTo("1");
        });
        byte[] xlsx = mvc.perform(get("/movements/export")
                        .with(VIEWER)
                        .param("format", "xlsx")
                        .param("warehouse", data.warehouse)
                        .param("reference", "OUT-1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(TabularFiles.read(new ByteArrayInputStream(xlsx), TabularFormat.XLSX))
                .extracting(r -> r.get("type") + " " + r.get("qty") + " " + r.get("reference"))
                .containsExactly("ISSUE -2 OUT-1");
    }

    @Test
    void a_lot_that_starts_like_a_formula_is_text_in_the_movement_export_and_reads_back_unchanged() throws Exception {
        String lot = "=cmd|' /C calc'!A0";
        String reference = Fixtures.unique("INJ");
        book("RECEIPT", data.lotItem, data.bin1, "OWN", lot, "3", reference);
        book("ISSUE", data.lotItem, data.bin1, "OWN", lot, "1", reference);

        byte[] csv = mvc.perform(get("/movements/export")
                        .with(VIEWER)
                        .param("format", "csv")
                        .param("reference", reference))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // the raw cells, as a spreadsheet program sees them: the lot behind a ', so text; the quantities numbers
        List<CSVRecord> raw = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(raw).hasSize(2).allSatisfy(r -> assertThat(r.get("lot")).isEqualTo("'" + lot));
        assertThat(raw).extracting(r -> r.get("qty")).containsExactlyInAnyOrder("3", "-1");
        assertThat(TabularFiles.read(new ByteArrayInputStream(csv), TabularFormat.CSV))
                .extracting(r -> r.get("lot"))
                .containsOnly(lot);
    }

    private MockHttpServletRequestBuilder scanAction(String action, String batch) {
        return scanAction(action, batch, "RECEIPT");
    }

    private MockHttpServletRequestBuilder scanAction(String action, String batch, String type) {
        return post("/scan/" + action)
                .with(WAREHOUSE)
                .with(csrf())
                .header("Accept-Language", "en")
                .param("warehouse", data.warehouse)
                .param("type", type)
                .param("owner", "OWN")
                .param("batch", batch);
    }

    @Test
    void scanning_adds_up_and_posting_the_same_batch_twice_posts_once() throws Exception {
        String batch = java.util.UUID.randomUUID().toString();
        mvc.perform(scanAction("scan", batch).param("code", data.bin1))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Location " + data.bin1 + ": now scan the items.")))
                .andExpect(content().string(containsString("name=\"location\" value=\"" + data.bin1 + "\"")));
        String barcode = ("69" + data.item.hashCode()).replace("-", "");
        mvc.perform(scanAction("scan", batch)
                        .param("code", barcode)
                        .param("location", data.bin1)
                        .param("lines[0].location", data.bin1)
                        .param("lines[0].item", data.item)
                        .param("lines[0].qty", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"lines[0].qty\" value=\"3\"")));

        String first = mvc.perform(scanAction("post", batch)
                        .param("location", data.bin1)
                        .param("posted", "false")
                        .param("lines[0].location", data.bin1)
                        .param("lines[0].item", data.item)
                        .param("lines[0].qty", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Posted as posting #")))
                .andExpect(content().string(containsString("name=\"posted\" value=\"true\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var matcher = java.util.regex.Pattern.compile("name=\"postingId\" value=\"(\\d+)\"")
                .matcher(first);
        assertThat(matcher.find()).isTrue();
        // the page posts its state again (second Enter, double click): the ledger replays the first answer
        mvc.perform(scanAction("post", batch)
                        .param("location", data.bin1)
                        .param("posted", "true")
                        .param("postingId", matcher.group(1))
                        .param("lines[0].location", data.bin1)
                        .param("lines[0].item", data.item)
                        .param("lines[0].qty", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Already posted as posting #" + matcher.group(1))));
        // and so does a concurrent duplicate that still carries the unposted state
        mvc.perform(scanAction("post", batch)
                        .param("location", data.bin1)
                        .param("posted", "false")
                        .param("lines[0].location", data.bin1)
                        .param("lines[0].item", data.item)
                        .param("lines[0].qty", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("posting #" + matcher.group(1))));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM stock_movement m JOIN location l ON l.id = m.location_id WHERE l.code = :l""").param("l", data.bin1).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void scan_errors_are_shown_in_words() throws Exception {
        String batch = java.util.UUID.randomUUID().toString();
        mvc.perform(scanAction("scan", batch).param("code", "NO-SUCH-CODE"))
                .andExpect(content().string(containsString("Unknown barcode: NO-SUCH-CODE")));
        LedgerTestData other = new LedgerTestData(items, warehouses, suppliers);
        mvc.perform(scanAction("scan", batch).param("code", other.bin1))
                .andExpect(content()
                        .string(containsString("Location " + other.bin1 + " belongs to warehouse " + other.warehouse
                                + ", not to the chosen warehouse " + data.warehouse)));
        mvc.perform(scanAction("scan", batch).param("code", data.item))
                .andExpect(content().string(containsString("Scan a location first")));
        mvc.perform(scanAction("post", batch, "ISSUE")
                        .param("location", data.bin1)
                        .param("lines[0].location", data.bin1)
                        .param("lines[0].item", data.item)
                        .param("lines[0].qty", "5"))
                .andExpect(content()
                        .string(containsString("Insufficient stock of " + data.item + " at " + data.bin1
                                + ": available 0, requested 5. Nothing was posted.")));
        mvc.perform(scanAction("post", batch)
                        .param("location", data.bin1)
                        .param("lines[0].location", data.bin1)
                        .param("lines[0].item", data.lotItem)
                        .param("lines[0].qty", "x"))
                .andExpect(content().string(containsString("the quantity &quot;x&quot; is not a number")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_posting WHERE idempotency_key = :k")
                        .param("k", batch)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
