package org.openvmi.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.MutableClock;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warehouse and buyer dashboards and the chart exports on H2 and PostgreSQL: the warehouse charts of a constructed
 * ledger against hand-computed figures, every chart's XLSX equal to its JSON (read back with POI), the buyer's
 * scorecards ranked by OTIF, and who may open what.
 */
abstract class DashboardsContract {

    private static final Map<String, List<String>> CHARTS = Map.of(
            "management", List.of("value", "turnover", "stockout", "aging"),
            "warehouse", List.of("stockValue", "aging", "stale", "stockouts", "flows"),
            "buyer", List.of("otif", "leadTime", "overdue", "openOrders"),
            "planner", List.of("accuracy", "planActual", "acceptance"),
            "finance", List.of("liability", "consumption", "statements", "priceVariance"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    InventoryLedger ledger;

    LedgerTestData data;
    LocalDate today;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
        clock.reset();
        today = LocalDate.now(clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** K1 lot item, own: 10 @ 2 in 40 days ago, all issued 4 days ago; K2 item, consignment A: 4 @ 5 in 40 days ago;
     * K3 item, own, another bin: 3 @ 1 in 200 days ago. */
    void constructedLedger() {
        move(40, new MovementRequest("RECEIPT", data.lotItem, data.bin1, "OWN", "L1", dec("10"), dec("2"), null, "R1"));
        move(
                40,
                new MovementRequest(
                        "RECEIPT", data.item, data.vmi, Fixtures.SUPPLIER_A, null, dec("4"), dec("5"), null, "R2"));
        move(200, new MovementRequest("RECEIPT", data.item, data.bin2, "OWN", null, dec("3"), dec("1"), null, "R3"));
        move(4, new MovementRequest("ISSUE", data.lotItem, data.bin1, "OWN", "L1", dec("10"), null, null, "I1"));
    }

    @Test
    void the_warehouse_dashboard_charts_of_a_constructed_ledger() throws Exception {
        constructedLedger();
        String w = "?lang=en&warehouse=" + data.warehouse;
        MockHttpSession keeper = ui("t-warehouse");
        // value today: own 3.00 (K3; K1 is empty), consignment of A 20.00
        JsonNode value = chart(keeper, "warehouse", "stockValue", w);
        assertThat(value.get("columns").toString()).isEqualTo("[\"warehouse\",\"owner\",\"value\"]");
        assertThat(value.get("rows")).hasSize(2);
        assertThat(value.get("rows").get(0).get(1).asString()).isNotEqualTo("OWN"); // a label, never the code
        assertThat(value.get("rows").get(0).get(2).decimalValue()).isEqualByComparingTo("3.00");
        assertThat(value.get("rows").get(1).get(1).asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(value.get("rows").get(1).get(2).decimalValue()).isEqualByComparingTo("20.00");

        // 30 days; the 10 issued 4 days ago; the lot item (issued, so with demand) at zero on the last 5 days
        JsonNode flows = chart(keeper, "warehouse", "flows", w);
        JsonNode stockouts = chart(keeper, "warehouse", "stockouts", w);
        assertThat(flows.get("rows")).hasSize(30);
        assertThat(stockouts.get("rows")).hasSize(30);
        for (int i = 0; i < 30; i++) {
            LocalDate day = today.minusDays(29 - i);
            JsonNode f = flows.get("rows").get(i);
            assertThat(f.get(0).asString()).isEqualTo(day.toString());
            assertThat(f.get(1).decimalValue()).as("received " + day).isEqualByComparingTo("0");
            assertThat(f.get(2).decimalValue()).as("issued " + day).isEqualByComparingTo(i == 25 ? "10" : "0");
            assertThat(stockouts.get("rows").get(i).get(1).asInt())
                    .as("stockouts " + day)
                    .isEqualTo(i >= 25 ? 1 : 0);
        }
        // stale (no issue for 180 days): K3 only
        JsonNode stale = chart(keeper, "warehouse", "stale", w);
        assertThat(stale.get("rows")).singleElement().satisfies(r -> {
            assertThat(r.get(0).asString()).isEqualTo(data.item);
            assertThat(r.get(3).decimalValue()).isEqualByComparingTo("3");
            assertThat(r.get(4).decimalValue()).isEqualByComparingTo("3.00");
        });
        JsonNode aging = chart(keeper, "warehouse", "aging", w);
        assertThat(aging.get("rows")).hasSize(2);
        assertThat(aging.get("rows").get(0).get(4).decimalValue()).isEqualByComparingTo("3.00"); // own, 181–365
        assertThat(aging.get("rows").get(1).get(2).decimalValue()).isEqualByComparingTo("20.00"); // A, 31–90
    }

    @Test
    void every_charts_xlsx_holds_the_figures_of_its_json() throws Exception {
        constructedLedger();
        order(20, 10, "10");
        for (Map.Entry<String, List<String>> d : CHARTS.entrySet()) {
            for (String chart : d.getValue()) {
                String query = "?lang=zh-CN&warehouse=" + (d.getKey().equals("buyer") ? "" : data.warehouse);
                JsonNode table = chart(ui("t-admin"), d.getKey(), chart, query);
                byte[] file = mvc.perform(
                                get("/dashboards/%s/charts/%s%s&format=xlsx".formatted(d.getKey(), chart, query))
                                        .session(ui("t-admin")))
                        .andExpect(status().isOk())
                        .andExpect(header().string(
                                        "Content-Disposition",
                                        org.hamcrest.Matchers.containsString(
                                                "dashboard-" + d.getKey() + "-" + chart + "-")))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();
                assertSameFigures(d.getKey() + "/" + chart, table, file);
            }
        }
    }

    /**
     * The planner's and the finance charts are tables too: the page draws the very tables the export writes (the
     * page's embedded JSON equals the chart endpoint's), and the finance liability of the constructed ledger is supplier
     * A's 4 @ 5 = 20.00 in the XLSX cell as in the chart.
     */
    @Test
    void the_planner_and_finance_pages_draw_the_tables_their_xlsx_exports_hold() throws Exception {
        constructedLedger();
        for (String dashboard : List.of("planner", "finance")) {
            for (String lang : List.of("en", "zh-CN")) {
                String query = "?lang=" + lang + "&warehouse=" + data.warehouse;
                String html = page(ui("t-admin"), "/dashboards/" + dashboard + query);
                // the element carries attributes after its id (the empty-chart text): its content starts after the tag
                String tag = html.substring(html.indexOf("id=\"dashboard-tables\""));
                String embedded = tag.substring(tag.indexOf('>') + 1);
                JsonNode tables = json.readTree(embedded.substring(0, embedded.indexOf("</script>")));
                for (String chart : CHARTS.get(dashboard)) {
                    assertThat(tables.get(chart))
                            .as(dashboard + "/" + chart + " " + lang)
                            .isEqualTo(chart(ui("t-admin"), dashboard, chart, query));
                    assertThat(html).contains("/dashboards/" + dashboard + "/charts/" + chart + "?format=xlsx");
                }
            }
        }
        JsonNode liability = chart(ui("t-finance"), "finance", "liability", "?lang=en&warehouse=" + data.warehouse);
        assertThat(liability.get("headings").get(1).asString()).isEqualTo("Consignment liability");
        assertThat(liability.get("rows")).hasSize(1);
        assertThat(liability.get("rows").get(0).get(0).asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(liability.get("rows").get(0).get(1).decimalValue()).isEqualByComparingTo("20.00");
        byte[] file = mvc.perform(
                        get("/dashboards/finance/charts/liability?lang=zh-CN&format=xlsx&warehouse=" + data.warehouse)
                                .session(ui("t-finance")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("寄售负债");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(20.0);
        }
        JsonNode planActual = chart(ui("t-planner"), "planner", "planActual", "?lang=zh-CN");
        assertThat(planActual.get("headings").get(1).asString()).isEqualTo("预测");
        assertThat(planActual.get("rows")).hasSize(6); // the last six months, one row each
        // a warehouse without a compared forecast week: no figures (not 0 / 0 — an empty chart then says so)
        JsonNode none =
                chart(ui("t-planner"), "planner", "planActual", "?lang=zh-CN&warehouse=" + Fixtures.unique("NOFC"));
        assertThat(none.get("rows")).hasSize(6).allSatisfy(r -> {
            assertThat(r.get(1).isNull()).as("forecast of " + r.get(0)).isTrue();
            assertThat(r.get(2).isNull()).as("actual of " + r.get(0)).isTrue();
        });
    }

    @Test
    void the_buyer_dashboard_ranks_suppliers_by_otif_and_counts_open_orders() throws Exception {
        JsonNode before = chart(ui("t-buyer"), "buyer", "openOrders", "?lang=en");
        order(20, 10, null); // sent, never confirmed nor received: due 10 days ago
        JsonNode after = chart(ui("t-buyer"), "buyer", "openOrders", "?lang=en");
        assertThat(after.get("rows").get(0).get(0).asString()).isEqualTo("Sent");
        assertThat(after.get("rows").get(0).get(1).asLong())
                .isEqualTo(before.get("rows").get(0).get(1).asLong() + 1);

        JsonNode otif = chart(ui("t-buyer"), "buyer", "otif", "?lang=en");
        List<BigDecimal> ranked = new ArrayList<>();
        boolean seenA = false;
        for (JsonNode r : otif.get("rows")) {
            seenA |= r.get(0).asString().equals(Fixtures.SUPPLIER_A);
            if (!r.get(1).isNull()) {
                ranked.add(r.get(1).decimalValue());
            }
        }
        assertThat(seenA).isTrue();
        assertThat(ranked).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode leadTime = chart(ui("t-buyer"), "buyer", "leadTime", "?lang=en");
        assertThat(leadTime.get("rows")).hasSameSizeAs(otif.get("rows"));
        for (int i = 0; i < otif.get("rows").size(); i++) {
            assertThat(leadTime.get("rows").get(i).get(0))
                    .isEqualTo(otif.get("rows").get(i).get(0));
        }
        JsonNode overdue = chart(ui("t-buyer"), "buyer", "overdue", "?lang=zh-CN");
        assertThat(overdue.get("rows")).hasSize(2);
        assertThat(overdue.get("rows").get(0).get(0).asString()).doesNotContain("PO_LINE");
    }

    @Test
    void who_may_open_the_dashboards_and_their_charts() throws Exception {
        for (String path : List.of(
                "/dashboards/warehouse",
                "/dashboards/warehouse/charts/stale",
                "/dashboards/buyer",
                "/dashboards/buyer/charts/otif",
                "/dashboards/management/big-screen",
                "/dashboards/management/charts/value")) {
            mvc.perform(get(path).session(ui(Fixtures.SUPPLIER_USER_A))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/dashboards/buyer").session(ui("t-warehouse"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboards/warehouse/charts/flows").session(ui("t-buyer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboards/warehouse/charts/flows").session(ui("t-viewer")))
                .andExpect(status().isOk());
        mvc.perform(get("/dashboards/management/charts/nothing").session(ui("t-admin")))
                .andExpect(status().isNotFound());
        // the planner's and the finance charts' data follow their pages' rules
        for (String path : List.of("/dashboards/planner/charts/accuracy", "/dashboards/finance/charts/liability")) {
            mvc.perform(get(path).session(ui(Fixtures.SUPPLIER_USER_A))).andExpect(status().isForbidden());
            mvc.perform(get(path).session(ui("t-warehouse"))).andExpect(status().isForbidden());
            mvc.perform(get(path + "?format=xlsx").session(ui("t-viewer"))).andExpect(status().isOk());
        }
        mvc.perform(get("/dashboards/finance/charts/liability").session(ui("t-buyer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboards/finance/charts/liability").session(ui("t-finance")))
                .andExpect(status().isOk());
        mvc.perform(get("/dashboards/planner/charts/accuracy").session(ui("t-finance")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboards/planner/charts/accuracy").session(ui("t-planner")))
                .andExpect(status().isOk());
        mvc.perform(get("/dashboards/management/charts/value?format=pdf").session(ui("t-admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/dashboards/management/big-screen?refresh=1").session(ui("t-admin")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_pages_render_in_both_languages() throws Exception {
        constructedLedger();
        MockHttpSession keeper = UiSessions.login(mvc, "t-warehouse");
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        assertThat(page(keeper, "/dashboards/warehouse?lang=en&warehouse=" + data.warehouse))
                .contains("Warehouse dashboard", "Stock value by warehouse and owner", "Export XLSX", data.item)
                // the daily chart keeps its 30-day rule: named so that it is not read as the KPI's stockout rate
                .contains("Items at zero per day, of those with demand in the last 30 days")
                .doesNotContain("Items out of stock per day");
        assertThat(page(keeper, "/dashboards/warehouse?lang=zh-CN&warehouse=" + data.warehouse))
                .contains("仓库看板", "按仓库与货主的库存价值", "导出 XLSX", "每日零库存物料数（近 30 天有需求者；非月度缺货率口径）")
                .doesNotContain("Warehouse dashboard", "每日缺货物料数");
        assertThat(page(buyer, "/dashboards/buyer?lang=en")).contains("Buyer dashboard", "Suppliers ranked by");
        assertThat(page(buyer, "/dashboards/buyer?lang=zh-CN"))
                .contains("采购看板", "准时足量率")
                .doesNotContain("Buyer dashboard");
        assertThat(page(buyer, "/dashboards/management/big-screen?lang=zh-CN&refresh=30"))
                .contains("管理数字大屏", "资金占用", "每 30 秒刷新", "hx-trigger=\"every 30s\"");
        assertThat(page(buyer, "/dashboards/management/big-screen?lang=en"))
                .contains("Management big screen", "refreshes every 60 s");
        // the role homes link to the role's dashboard
        assertThat(page(keeper, "/?lang=en"))
                .contains("href=\"/dashboards/warehouse\"")
                .doesNotContain("href=\"/dashboards/buyer\"");
        assertThat(page(buyer, "/?lang=en")).contains("href=\"/dashboards/buyer\"");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Compares the sheet with the table: headings, then every cell (numbers as numbers, blanks as nulls). */
    private static void assertSameFigures(String what, JsonNode table, byte[] file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            Row head = sheet.getRow(0);
            for (int c = 0; c < table.get("headings").size(); c++) {
                assertThat(head.getCell(c).getStringCellValue())
                        .as(what + " heading " + c)
                        .isEqualTo(table.get("headings").get(c).asString());
            }
            assertThat(sheet.getLastRowNum())
                    .as(what + " rows")
                    .isEqualTo(table.get("rows").size());
            for (int r = 0; r < table.get("rows").size(); r++) {
                JsonNode row = table.get("rows").get(r);
                Row xlsx = sheet.getRow(r + 1);
                for (int c = 0; c < row.size(); c++) {
                    JsonNode expected = row.get(c);
                    Cell cell = xlsx.getCell(c);
                    String at = what + " row " + r + " column " + c;
                    if (expected.isNull()) {
                        assertThat(cell == null || cell.getCellType() == CellType.BLANK)
                                .as(at)
                                .isTrue();
                    } else if (expected.isNumber()) {
                        assertThat(cell.getCellType()).as(at).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
                                .as(at)
                                .isEqualByComparingTo(expected.decimalValue());
                    } else {
                        assertThat(cell.getStringCellValue()).as(at).isEqualTo(expected.asString());
                    }
                }
            }
        }
    }

    private final Map<String, MockHttpSession> sessions = new java.util.HashMap<>();

    /** A signed-in UI session of the user (the pages and chart data are UI paths: form login, not HTTP Basic). */
    private MockHttpSession ui(String user) throws Exception {
        MockHttpSession s = sessions.get(user);
        if (s == null) {
            s = UiSessions.login(mvc, user);
            sessions.put(user, s);
        }
        return s;
    }

    private JsonNode chart(MockHttpSession who, String dashboard, String chart, String query) throws Exception {
        return json.readTree(mvc.perform(get("/dashboards/%s/charts/%s%s".formatted(dashboard, chart, query))
                        .session(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A PO of 10 of the item from supplier A, ordered {@code daysAgo}, due {@code dueInDays} later; received in full
     * on its due date when {@code receive} is given. */
    private void order(int daysAgo, int dueInDays, String receive) throws Exception {
        clock.advance(Duration.ofDays(-daysAgo));
        long po;
        try {
            String body =
                    "{\"supplier\":\"%s\",\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":10,\"neededBy\":\"%s\"}]}"
                            .formatted(
                                    Fixtures.SUPPLIER_A,
                                    data.warehouse,
                                    data.item,
                                    today.minusDays(daysAgo - dueInDays));
            JsonNode created = json.readTree(mvc.perform(post("/api/v1/purchase-orders")
                            .with(as(Role.BUYER))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            po = created.get("purchaseOrders").get(0).get("id").asLong();
        } finally {
            clock.reset();
        }
        if (receive == null) {
            return;
        }
        clock.advance(Duration.ofDays(-(daysAgo - dueInDays)));
        try {
            mvc.perform(post("/api/v1/receipts")
                            .with(as(Role.WAREHOUSE))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                    "{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":%s}]}"
                                            .formatted(po, data.bin1, data.item, receive)))
                    .andExpect(status().isCreated());
        } finally {
            clock.reset();
        }
    }

    private void move(int daysAgo, MovementRequest line) {
        clock.advance(Duration.ofDays(-daysAgo));
        try {
            ledger.post(new PostingRequest(List.of(line)), null);
        } finally {
            clock.reset();
        }
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
