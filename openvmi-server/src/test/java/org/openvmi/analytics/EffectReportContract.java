package org.openvmi.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.planning.DemandHistory;
import org.openvmi.planning.DemandRecord;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.stockpolicy.StockPolicyView;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The effect report on H2 and PostgreSQL: a constructed demand history of 10 a week (unit cost 10.00) for the 26
 * weeks before a 10-week period, replayed with a one-week lead time; every figure below is worked out by hand.
 */
abstract class EffectReportContract {

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
    CatalogRefs refs;

    @Autowired
    DemandHistory history;

    @Autowired
    StockPolicies policies;

    LedgerTestData data;
    LocalDate from;
    LocalDate to;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        clock.reset();
        data = new LedgerTestData(items, warehouses, suppliers);
        to = LocalDate.now(clock).minusDays(1);
        from = to.minusWeeks(10).plusDays(1);
        long itemId = refs.items(Set.of(data.item)).get(data.item).id();
        long warehouseId = refs.warehouses(Set.of(data.warehouse)).get(data.warehouse);
        List<DemandRecord> weekly = new ArrayList<>();
        for (int w = -EffectReports.HISTORY_WEEKS; w < 10; w++) {
            weekly.add(new DemandRecord(itemId, warehouseId, from.plusWeeks(w).plusDays(2), new BigDecimal("10")));
        }
        history.record(weekly);
    }

    private String request(String baseline, String extra) {
        return """
                {"items":["%s"],"warehouse":"%s","from":"%s","to":"%s","baseline":"%s","target":0.95,"leadTimeWeeks":1%s}""".formatted(data.item, data.warehouse, from, to, baseline, extra);
    }

    private ResultActions call(RequestPostProcessor who, String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/analytics/" + path)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private JsonNode report(String body) throws Exception {
        return json.readTree(call(as(Role.BUYER), "effect-report", body)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static void assertFigures(
            JsonNode f, String turnoverDays, String value, String stockoutRate, String fillRate, int orders) {
        assertThat(f.get("turnoverDays").decimalValue()).isEqualByComparingTo(turnoverDays);
        assertThat(f.get("averageInventoryValue").decimalValue()).isEqualByComparingTo(value);
        assertThat(f.get("stockoutRate").decimalValue()).isEqualByComparingTo(stockoutRate);
        assertThat(f.get("fillRate").decimalValue()).isEqualByComparingTo(fillRate);
        assertThat(f.get("orders").asInt()).isEqualTo(orders);
    }

    @Test
    void four_weeks_of_cover_against_the_engine_on_constant_demand() throws Exception {
        JsonNode r = report(request("COVER", ",\"coverWeeks\":4"));
        assertThat(r.get("weeks").asInt()).isEqualTo(10);
        // cover: up to 40; opens week 1 with 40, then 30 every week → 31 on hand = 310.00; demand 100 × 10 / 70 days
        assertFigures(r.get("baseline"), "21.7", "310.00", "0", "1", 9);
        // engine: up to 20 (lead time + review, no variation) → 20, then 10 → 11 on hand = 110.00
        assertFigures(r.get("engine"), "7.7", "110.00", "0", "1", 9);
        JsonNode item = r.get("items").get(0);
        assertThat(item.get("item").asString()).isEqualTo(data.item);
        assertThat(item.get("demand").decimalValue()).isEqualByComparingTo("100");
        assertThat(item.get("engineMax").decimalValue()).isEqualByComparingTo("20");
        assertFigures(item.get("baseline"), "21.7", "310.00", "0", "1", 9);
    }

    @Test
    void manual_lines_too_low_run_out_every_other_week() throws Exception {
        lines("5", "5", "12");
        JsonNode r = report(request("MANUAL", ""));
        // min 5 / max 12: opening stock 12, 2, 10, 0, 12, 2, 10, 0, 12, 2 → 6.2 = 62.00; served 56 of 100;
        // short in weeks 2, 4, 6, 8, 10, which are also the weeks it orders
        assertFigures(r.get("baseline"), "4.3", "62.00", "0.5", "0.56", 5);
        assertFigures(r.get("engine"), "7.7", "110.00", "0", "1", 9);
    }

    @Test
    void apply_writes_the_engines_lines_dynamic_and_audited() throws Exception {
        lines("5", "5", "12");
        long audits = audits();
        JsonNode saved = json.readTree(call(as(Role.PLANNER), "effect-report/apply", request("MANUAL", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(saved).hasSize(1);
        StockPolicyView after = policies.get(data.item, data.warehouse);
        assertThat(after.mode()).isEqualTo(PolicyMode.DYNAMIC);
        assertThat(after.max()).isEqualByComparingTo("20");
        assertThat(after.serviceLevel()).isEqualByComparingTo("0.95");
        assertThat(after.safety()).isLessThanOrEqualTo(after.warning());
        assertThat(after.warning()).isLessThanOrEqualTo(after.max());
        assertThat(audits()).isEqualTo(audits + 1);
    }

    @Test
    void refusals_name_the_field_and_change_nothing() throws Exception {
        call(asUser(Fixtures.SUPPLIER_USER_A), "effect-report", request("COVER", ",\"coverWeeks\":4"))
                .andExpect(status().isForbidden());
        call(as(Role.VIEWER), "effect-report/apply", request("COVER", ",\"coverWeeks\":4"))
                .andExpect(status().isForbidden());
        refused("{}", "warehouse", "from", "to", "baseline", "target");
        refused(request("COVER", ""), "coverWeeks");
        refused(request("MANUAL", "").replace("0.95", "1.2"), "target");
        refused(request("MANUAL", ""), "items"); // no lines in force for the item
        refused(
                request("COVER", ",\"coverWeeks\":4")
                        .replace(to.toString(), LocalDate.now(clock).plusDays(3).toString()),
                "to");
        long audits = audits();
        call(as(Role.ADMIN), "effect-report/apply", request("MANUAL", "")).andExpect(status().isBadRequest());
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void the_page_compares_both_policies_in_both_languages_and_applies() throws Exception {
        lines("5", "5", "12");
        var planner = org.openvmi.testsupport.UiSessions.login(mvc, "t-planner");
        String query = "warehouse=%s&items=%s&from=%s&to=%s&baseline=MANUAL&target=0.95&leadTimeWeeks=1"
                .formatted(data.warehouse, data.item, from, to);
        assertThat(page(planner, "/analytics/effect-report?lang=en&" + query))
                .contains("VMI effect report", "Turnover days", "id=\"effect-chart\"", data.item, "56", "Apply (b)");
        assertThat(page(planner, "/analytics/effect-report?lang=zh-CN&" + query))
                .contains("VMI 效果报告", "周转天数", "满足率", data.item)
                .doesNotContain("Turnover days", "Apply (b)");
        // the report as a spreadsheet (issue 15): the totals, then each item, (a) and (b) side by side, in zh and en
        assertThat(page(planner, "/analytics/effect-report?lang=en&" + query)).contains("id=\"effect-export\"");
        List<org.openvmi.shared.tabular.TabularRow> sheet =
                xlsx(planner, "/analytics/effect-report/export?lang=zh-CN&" + query);
        assertThat(sheet).hasSize(2);
        assertThat(sheet.get(0).get("物料")).isEqualTo("合计");
        assertThat(sheet.get(1).get("物料")).isEqualTo(data.item);
        assertThat(sheet.get(0).get("周转天数 (a)")).isNotBlank();
        assertThat(new java.math.BigDecimal(sheet.get(1).get("周转天数 (b)"))).isNotNull();
        assertThat(xlsx(planner, "/analytics/effect-report/export?lang=en&" + query)
                        .get(0)
                        .get("Item"))
                .isEqualTo("Total");
        mvc.perform(get("/analytics/effect-report/export?" + query.replace(data.warehouse, ""))
                        .session(planner))
                .andExpect(status().isBadRequest());
        // each problem in the page's language, by its field
        assertThat(page(planner, "/analytics/effect-report?lang=zh-CN&" + query.replace("MANUAL", "COVER")))
                .contains("覆盖周数: 使用“固定 N 周覆盖”基准时必填：1 至 52 周")
                .doesNotContain("required with");
        assertThat(page(planner, "/analytics/effect-report?lang=en&" + query.replace("MANUAL", "COVER")))
                .contains("Weeks of cover: Required with the N weeks of cover baseline: 1 to 52 weeks");
        mvc.perform(
                        post("/analytics/effect-report/apply?" + query)
                                .session(planner)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(policies.get(data.item, data.warehouse).mode()).isEqualTo(PolicyMode.DYNAMIC);
        var supplier = org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        mvc.perform(get("/analytics/effect-report").session(supplier)).andExpect(status().isForbidden());
    }

    /** The item of this test in a category of its own, with lines: chosen by category, it is replayed as by list. */
    @Test
    void items_are_chosen_by_category_and_warehouse_or_refused_naming_the_field() throws Exception {
        String category = Fixtures.unique("CAT");
        categorize(data.item, category);
        lines("5", "5", "12");
        String byCategory = request("MANUAL", ",\"category\":\"" + category + "\"")
                .replace("\"items\":[\"" + data.item + "\"],", "");
        JsonNode r = report(byCategory);
        assertThat(r.get("items"))
                .singleElement()
                .satisfies(i -> assertThat(i.get("item").asString()).isEqualTo(data.item));
        assertFigures(r.get("baseline"), "4.3", "62.00", "0.5", "0.56", 5);
        // an empty item list counts as none
        assertThat(report(byCategory.replace("{", "{\"items\":[],")).get("items"))
                .hasSize(1);
        // both ways at once, an unknown category, a category without lines in the warehouse
        assertThat(refused(request("MANUAL", ",\"category\":\"" + category + "\""), "category"))
                .contains("effectItemsOrCategory");
        assertThat(refused(byCategory.replace(category, "NO-SUCH-" + category), "category"))
                .contains("unknown.category");
        String other = Fixtures.unique("CAT");
        categorize(data.lotItem, other);
        assertThat(refused(byCategory.replace(category, other), "category")).contains("effectCategoryWithoutLines");

        var planner = org.openvmi.testsupport.UiSessions.login(mvc, "t-planner");
        String query = "warehouse=%s&category=%s&from=%s&to=%s&baseline=MANUAL&target=0.95&leadTimeWeeks=1"
                .formatted(data.warehouse, category, from, to);
        assertThat(page(planner, "/analytics/effect-report?lang=en&" + query))
                .contains(
                        "Category",
                        "<option value=\"" + category + "\" selected=\"selected\">",
                        data.item,
                        "Apply (b)");
        assertThat(page(planner, "/analytics/effect-report?lang=zh-CN&" + query + "&items=" + data.item))
                .contains("物料类别: 请按物料清单或按类别选择物料，二者只能选其一");
        assertThat(page(planner, "/analytics/effect-report?lang=zh-CN&" + query.replace(category, other)))
                .contains("类别“" + other + "”中没有在 " + data.warehouse + " 设有库存线的物料");
    }

    private void categorize(String item, String category) {
        org.openvmi.catalog.ItemCommand c = org.openvmi.catalog.ItemCommand.from(items.get(item));
        c.setCategory(category);
        items.update(item, c);
    }

    private List<org.openvmi.shared.tabular.TabularRow> xlsx(
            org.springframework.mock.web.MockHttpSession session, String path) throws Exception {
        byte[] file = mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return org.openvmi.shared.tabular.TabularFiles.read(
                new java.io.ByteArrayInputStream(file), org.openvmi.shared.tabular.TabularFormat.XLSX);
    }

    private String page(org.springframework.mock.web.MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String refused(String body, String... fields) throws Exception {
        String problem = call(as(Role.ADMIN), "effect-report", body)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String field : fields) {
            assertThat(problem).contains("\"" + field + "\"");
        }
        return problem;
    }

    private void lines(String safety, String warning, String max) {
        StockPolicyCommand c = new StockPolicyCommand();
        c.setSafety(new BigDecimal(safety));
        c.setWarning(new BigDecimal(warning));
        c.setMax(new BigDecimal(max));
        policies.put(data.item, data.warehouse, c);
    }

    private long audits() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'stock-policy' AND entity_key = ?")
                .param(data.item + "/" + data.warehouse)
                .query(Long.class)
                .single();
    }
}
