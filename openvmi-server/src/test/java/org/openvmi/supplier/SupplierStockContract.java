package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.ApiKeys;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Supplier-side available stock: reported by API and file, isolated per supplier, history, stale flag, low water. */
abstract class SupplierStockContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    @Autowired
    ApiKeys apiKeys;

    SupplierTestData data;
    String onlyA;
    String onlyB;
    String both;

    private final RequestPostProcessor supA = asUser(Fixtures.SUPPLIER_USER_A);
    private final RequestPostProcessor supB = asUser(Fixtures.SUPPLIER_USER_B);

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
        data = new SupplierTestData(jdbc, batch);
        String prefix = Fixtures.unique("SS");
        onlyA = data.items(prefix + "A", 1, Fixtures.SUPPLIER_A, 7, "2.95", true)
                .get(0);
        onlyB = data.items(prefix + "B", 1, Fixtures.SUPPLIER_B, 3, "3.10", true)
                .get(0);
        both = data.items(prefix + "AB", 1, Fixtures.SUPPLIER_A, 7, "2.95", true)
                .get(0);
        data.source(List.of(both), Fixtures.SUPPLIER_B, 3, "3.10", false);
    }

    private ResultActions report(RequestPostProcessor caller, String json) throws Exception {
        return mvc.perform(post("/api/v1/supplier-stock")
                .with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions reportWithKey(String key, String json) throws Exception {
        return mvc.perform(post("/api/v1/supplier-stock")
                .header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static String body(String supplier, String item, int available) {
        return "{" + (supplier == null ? "" : "\"supplier\":\"" + supplier + "\",")
                + "\"lines\":[{\"item\":\"" + item + "\",\"available\":" + available
                + ",\"inProduction\":2000,\"availableFrom\":\"2026-12-01\",\"leadTimeDays\":5}]}";
    }

    private String snapshot() {
        return String.join(";", jdbc.sql("""
                SELECT s.code || '/' || i.code || '/' || ss.available_qty || '/' || ss.version FROM supplier_stock ss
                JOIN supplier s ON s.id = ss.supplier_id JOIN item i ON i.id = ss.item_id ORDER BY s.code, i.code""").query(String.class).list()) + "#"
                + jdbc.sql("SELECT COUNT(*) FROM supplier_stock_history")
                        .query(Long.class)
                        .single();
    }

    /**
     * Issue 15: the supplier stock page's XLSX holds every line its filters match; a supplier user's file only its own
     * lines (another supplier's stock of the same item too is left out), a buyer's every supplier's; in the page's
     * language.
     */
    @Test
    void the_stock_export_holds_a_suppliers_own_lines_only_and_a_buyers_all() throws Exception {
        report(supA, body(Fixtures.SUPPLIER_A, onlyA, 5000)).andExpect(status().isOk());
        report(supA, body(Fixtures.SUPPLIER_A, both, 700)).andExpect(status().isOk());
        report(supB, body(Fixtures.SUPPLIER_B, onlyB, 300)).andExpect(status().isOk());
        report(supB, body(Fixtures.SUPPLIER_B, both, 90)).andExpect(status().isOk());

        List<org.openvmi.shared.tabular.TabularRow> own = xlsx(
                org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A),
                "/supplier-stock/export?lang=en");
        assertThat(own).isNotEmpty();
        assertThat(own).allSatisfy(r -> assertThat(r.get("Supplier")).isEqualTo(Fixtures.SUPPLIER_A));
        assertThat(own.stream()
                        .map(r -> r.get("Item") + "="
                                + new java.math.BigDecimal(r.get("Available"))
                                        .stripTrailingZeros()
                                        .toPlainString())
                        .toList())
                .contains(onlyA + "=5000", both + "=700")
                .doesNotContain(both + "=90")
                .noneMatch(s -> s.startsWith(onlyB + "="));

        List<org.openvmi.shared.tabular.TabularRow> buyer = xlsx(
                org.openvmi.testsupport.UiSessions.login(mvc, "t-buyer"),
                "/supplier-stock/export?lang=zh-CN&item=" + both);
        assertThat(buyer.stream().map(r -> r.get("供应商") + "/" + r.get("物料")).toList())
                .containsExactlyInAnyOrder(Fixtures.SUPPLIER_A + "/" + both, Fixtures.SUPPLIER_B + "/" + both);
        // a supplier naming another supplier gets no file of its stock
        mvc.perform(get("/supplier-stock/export")
                        .param("supplier", Fixtures.SUPPLIER_B)
                        .session(org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A)))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
    }

    private List<org.openvmi.shared.tabular.TabularRow> xlsx(
            org.springframework.mock.web.MockHttpSession session, String path) throws Exception {
        var response = mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType(org.openvmi.shared.tabular.TabularFormat.XLSX.contentType()))
                .andReturn()
                .getResponse();
        return org.openvmi.shared.tabular.TabularFiles.read(
                new java.io.ByteArrayInputStream(response.getContentAsByteArray()),
                org.openvmi.shared.tabular.TabularFormat.XLSX);
    }

    @Test
    void a_supplier_reports_its_stock_by_api_and_every_report_is_kept_as_history() throws Exception {
        report(supA, body(Fixtures.SUPPLIER_A, onlyA, 5000))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].supplier").value(Fixtures.SUPPLIER_A))
                .andExpect(jsonPath("$[0].item").value(onlyA))
                .andExpect(jsonPath("$[0].available").value(5000))
                .andExpect(jsonPath("$[0].inProduction").value(2000))
                .andExpect(jsonPath("$[0].availableFrom").value("2026-12-01"))
                .andExpect(jsonPath("$[0].leadTimeDays").value(5))
                .andExpect(jsonPath("$[0].source").value("API"))
                .andExpect(jsonPath("$[0].stale").value(false));
        report(supA, body(null, onlyA, 4200)).andExpect(status().isOk());

        mvc.perform(get("/api/v1/supplier-stock").param("item", onlyA).with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].available").value(4200));
        mvc.perform(get("/api/v1/supplier-stock/" + Fixtures.SUPPLIER_A + "/" + onlyA + "/history")
                        .with(supA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].available").value(4200))
                .andExpect(jsonPath("$[1].available").value(5000));
        mvc.perform(get("/supplier-stock/" + Fixtures.SUPPLIER_A + "/" + onlyA + "/history")
                        .session(org.openvmi.testsupport.UiSessions.login(mvc, "t-buyer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("4,200")))
                .andExpect(content().string(containsString("5,000")));
        mvc.perform(get("/supplier-stock/" + Fixtures.SUPPLIER_A + "/" + onlyA + "/history")
                        .session(org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_report_is_all_or_nothing_and_names_the_bad_lines() throws Exception {
        String before = snapshot();
        report(
                        supA,
                        "{\"lines\":[{\"item\":\"" + onlyA + "\",\"available\":10},{\"item\":\"" + onlyB
                                + "\",\"available\":5},{\"item\":\"" + both + "\",\"available\":-1}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("lines[1].item")))
                .andExpect(content().string(containsString("lines[2].available")));
        report(
                        supA,
                        "{\"lines\":[{\"item\":\"" + onlyA + "\",\"available\":10,\"asOf\":\""
                                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(1) + "\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("lines[0].asOf")));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_suppliers_api_key_cannot_write_another_suppliers_stock_nor_read_its_data() throws Exception {
        String keyA = apiKeys.create("portal test", Fixtures.SUPPLIER_USER_A).secret();
        reportWithKey(keyA, body(null, both, 100)).andExpect(status().isOk());
        report(supB, body(null, both, 98765)).andExpect(status().isOk());
        report(supB, body(null, onlyB, 50)).andExpect(status().isOk());
        String before = snapshot();

        // writes: naming another supplier is 403, another supplier's item is not on the own list (400)
        reportWithKey(keyA, body(Fixtures.SUPPLIER_B, onlyB, 1)).andExpect(status().isForbidden());
        reportWithKey(keyA, body(Fixtures.SUPPLIER_B, both, 1)).andExpect(status().isForbidden());
        reportWithKey(keyA, body(null, onlyB, 1)).andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/supplier-stock/import")
                        .file(csv("item,available\n" + onlyB + ",1\n"))
                        .param("supplier", Fixtures.SUPPLIER_B)
                        .header("X-API-Key", keyA))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/supplier-stock/import")
                        .file(csv("item,available\n" + onlyB + ",1\n"))
                        .header("X-API-Key", keyA))
                .andExpect(status().isUnprocessableContent());
        assertThat(snapshot()).isEqualTo(before);

        // reads: another supplier's rows are invisible (404 when named)
        String list = mvc.perform(get("/api/v1/supplier-stock").header("X-API-Key", keyA))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> suppliers = JsonPath.read(list, "$.content[*].supplier");
        assertThat(suppliers).isNotEmpty().containsOnly(Fixtures.SUPPLIER_A);
        assertThat(list).doesNotContain(onlyB).doesNotContain("98765");
        for (MockHttpServletRequestBuilder read : List.of(
                get("/api/v1/supplier-stock").param("supplier", Fixtures.SUPPLIER_B),
                get("/api/v1/supplier-stock/" + Fixtures.SUPPLIER_B + "/" + both),
                get("/api/v1/supplier-stock/" + Fixtures.SUPPLIER_B + "/" + onlyB),
                get("/api/v1/supplier-stock/" + Fixtures.SUPPLIER_B + "/" + both + "/history"))) {
            mvc.perform(read.header("X-API-Key", keyA))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("98765"))));
        }
        mvc.perform(get("/api/v1/supplier-stock").param("item", both).header("X-API-Key", keyA))
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].supplier").value(Fixtures.SUPPLIER_A));
        mvc.perform(get("/api/v1/supplier-stock/template")
                        .param("supplier", Fixtures.SUPPLIER_B)
                        .header("X-API-Key", keyA))
                .andExpect(status().isForbidden());
        String template = mvc.perform(get("/api/v1/supplier-stock/template").header("X-API-Key", keyA))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(template).contains(onlyA).contains(both).doesNotContain(onlyB);

        // buyers read every supplier's rows but write none
        mvc.perform(get("/api/v1/supplier-stock").param("item", both).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.content", hasSize(2)));
        report(as(Role.BUYER), body(Fixtures.SUPPLIER_A, onlyA, 1)).andExpect(status().isForbidden());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void stock_reported_long_ago_is_flagged_stale() throws Exception {
        String old = OffsetDateTime.now(ZoneOffset.UTC).minusHours(100).toString();
        report(
                        supA,
                        "{\"lines\":[{\"item\":\"" + onlyA + "\",\"available\":10,\"asOf\":\"" + old + "\"},"
                                + "{\"item\":\"" + both + "\",\"available\":20}]}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/supplier-stock/" + Fixtures.SUPPLIER_A + "/" + onlyA)
                        .with(supA))
                .andExpect(jsonPath("$.stale").value(true))
                .andExpect(jsonPath("$.ageHours").value(100));
        mvc.perform(get("/api/v1/supplier-stock/" + Fixtures.SUPPLIER_A + "/" + both)
                        .with(supA))
                .andExpect(jsonPath("$.stale").value(false));
        String stale = mvc.perform(get("/api/v1/supplier-stock")
                        .param("stale", "true")
                        .param("size", "1000")
                        .with(supA))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(stale).contains(onlyA).doesNotContain(both);
    }

    @Test
    void stock_under_the_low_water_mark_raises_the_alert_and_recovering_resolves_it() throws Exception {
        report(supA, "{\"lines\":[{\"item\":\"" + onlyA + "\",\"available\":30,\"lowWater\":50}]}")
                .andExpect(status().isOk());
        assertThat(openLowWater(onlyA)).isEqualTo(1);
        mvc.perform(get("/api/v1/alerts")
                        .param("type", "SUPPLIER_LOW_WATER")
                        .param("item", onlyA)
                        .with(supA))
                .andExpect(jsonPath("$.content", hasSize(1)));
        mvc.perform(get("/api/v1/alerts")
                        .param("type", "SUPPLIER_LOW_WATER")
                        .param("item", onlyA)
                        .with(supB))
                .andExpect(jsonPath("$.content", hasSize(0)));
        // the mark is kept when a later report leaves it out
        report(supA, "{\"lines\":[{\"item\":\"" + onlyA + "\",\"available\":40}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].lowWater").value(50));
        assertThat(openLowWater(onlyA)).isEqualTo(1);
        report(supA, "{\"lines\":[{\"item\":\"" + onlyA + "\",\"available\":80}]}")
                .andExpect(status().isOk());
        assertThat(openLowWater(onlyA)).isZero();
    }

    private long openLowWater(String item) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM stock_alert a JOIN item i ON i.id = a.item_id
                WHERE i.code = :i AND a.alert_type = 'SUPPLIER_LOW_WATER' AND a.status <> 'RESOLVED'""").param("i", item).query(Long.class).single();
    }

    @Test
    void a_5000_row_file_with_3_bad_rows_changes_nothing_and_the_report_lists_exactly_those_rows() throws Exception {
        String supplier = data.supplierWithUser(users, "UPL");
        List<String> items = data.items(supplier, 5000, supplier, 5, "1.00", true);
        RequestPostProcessor user = asUser(supplier.toLowerCase());
        StringBuilder bad = new StringBuilder("item,available,inProduction,availableFrom,leadTimeDays,lowWater\n");
        StringBuilder good = new StringBuilder(bad);
        for (int i = 0; i < items.size(); i++) {
            int fileRow = i + 2;
            String line = items.get(i) + "," + (i % 97) + ",10,2026-12-01,5,\n";
            good.append(line);
            bad.append(
                    switch (fileRow) {
                        case 101 -> items.get(i) + ",many,10,2026-12-01,5,\n"; // not a number
                        case 2500 -> "NO-SUCH-" + items.get(i) + ",5,10,2026-12-01,5,\n"; // not on the source list
                        case 4999 -> items.get(i) + ",-3,10,2026-12-01,5,\n"; // negative
                        default -> line;
                    });
        }
        long before = data.stockRows(supplier);
        String refused = mvc.perform(multipart("/api/v1/supplier-stock/import")
                        .file(csv(bad.toString()))
                        .with(user))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> rows = JsonPath.read(refused, "$.errors[*].row");
        assertThat(rows.stream().distinct().toList()).containsExactly(101, 2500, 4999);
        assertThat(refused).contains("NO-SUCH-");
        assertThat(data.stockRows(supplier)).isEqualTo(before).isZero();
        assertThat(data.historyRows(supplier)).isZero();

        // the supplier's own system listens: events nothing consumes are not written (ADR 0066)
        org.openvmi.integration.WebhookReceiver receiver = new org.openvmi.integration.WebhookReceiver();
        long webhook = com.jayway.jsonpath.JsonPath.<Number>read(
                        mvc.perform(post("/api/v1/webhooks")
                                        .with(user)
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"url\":\"" + receiver.url()
                                                + "\",\"secret\":\"test-secret-0123456789\","
                                                + "\"eventTypes\":[\"supplier-stock.reported\"]}"))
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.id")
                .longValue();
        long start = System.nanoTime();
        mvc.perform(multipart("/api/v1/supplier-stock/import")
                        .file(csv(good.toString()))
                        .with(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(5000))
                .andExpect(jsonPath("$.created").value(5000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // the five events delivered before the subscription goes (a delivery in flight would lose its attempt row)
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() ->
                        receiver.mentioning("\"supplier:" + supplier + "\"").size() == 5);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/webhooks/" + webhook)
                        .with(user))
                .andExpect(status().isNoContent());
        receiver.close();
        System.out.printf(
                "supplier stock: 5,000-row CSV imported in %d ms on %s%n",
                millis, getClass().getSimpleName());
        assertThat(data.stockRows(supplier)).isEqualTo(5000);
        assertThat(data.historyRows(supplier)).isEqualTo(5000);
        // the report goes out as events of at most 1,000 items, in order, together naming every item once (one event
        // naming 5,000 outgrew the outbox row and failed the upload with a 500)
        List<String> envelopes = jdbc.sql("""
                        SELECT envelope FROM event_outbox
                        WHERE event_type = 'supplier-stock.reported' AND event_key = :key ORDER BY id""")
                .param("key", "supplier:" + supplier)
                .query(String.class)
                .list();
        assertThat(envelopes).hasSize(5);
        List<String> named = new java.util.ArrayList<>();
        envelopes.forEach(e -> named.addAll(JsonPath.<List<String>>read(e, "$.data.items")));
        assertThat(named).containsExactlyElementsOf(items);
        mvc.perform(get("/api/v1/supplier-stock/" + supplier + "/" + items.get(99))
                        .with(as(Role.BUYER)))
                .andExpect(jsonPath("$.available").value(99 % 97))
                .andExpect(jsonPath("$.source").value("FILE"));
    }

    @Test
    void the_xlsx_template_lists_the_source_list_with_the_current_figures_and_imports_back() throws Exception {
        String supplier = data.supplierWithUser(users, "XLS");
        List<String> items = data.items(supplier, 2, supplier, 5, "1.00", true);
        RequestPostProcessor user = asUser(supplier.toLowerCase());
        report(
                        user,
                        "{\"lines\":[{\"item\":\"" + items.get(0) + "\",\"available\":12.5,\"inProduction\":100,"
                                + "\"availableFrom\":\"2030-02-01\",\"leadTimeDays\":9,\"lowWater\":3}]}")
                .andExpect(status().isOk());
        byte[] template = mvc.perform(get("/api/v1/supplier-stock/template")
                        .param("format", "xlsx")
                        .with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // the second item has no figures yet: the supplier fills them in
        var rows = org.openvmi.shared.tabular.TabularFiles.read(
                new java.io.ByteArrayInputStream(template), org.openvmi.shared.tabular.TabularFormat.XLSX);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("item")).isEqualTo(items.get(0));
        assertThat(rows.get(0).get("available")).isEqualTo("12.5");
        assertThat(rows.get(0).get("availableFrom")).isEqualTo("2030-02-01");
        assertThat(rows.get(1).get("available")).isNull();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            wb.getSheetAt(0).getRow(2).createCell(3).setCellValue(40); // item, itemName, supplierPartNo, available
            var out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            mvc.perform(multipart("/api/v1/supplier-stock/import")
                            .file(new MockMultipartFile(
                                    "file",
                                    "stock.xlsx",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    out.toByteArray()))
                            .with(user))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.imported").value(2))
                    .andExpect(jsonPath("$.created").value(1))
                    .andExpect(jsonPath("$.updated").value(1));
        }
        mvc.perform(get("/api/v1/supplier-stock/" + supplier + "/" + items.get(1))
                        .with(user))
                .andExpect(jsonPath("$.available").value(40))
                .andExpect(jsonPath("$.source").value("FILE"));
        mvc.perform(get("/api/v1/supplier-stock/" + supplier + "/" + items.get(0))
                        .with(user))
                .andExpect(jsonPath("$.lowWater").value(3))
                .andExpect(jsonPath("$.leadTimeDays").value(9));
    }

    static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "stock.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
