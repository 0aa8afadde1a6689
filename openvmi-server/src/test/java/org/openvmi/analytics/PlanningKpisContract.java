package org.openvmi.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.planning.DemandHistory;
import org.openvmi.planning.DemandRecord;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.MutableClock;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forecast accuracy and suggestion acceptance (docs/kpis.md) on H2 and PostgreSQL: forecasts stored as planning runs
 * store them and demand recorded in planning's history, with answers computed by hand; and the planner's and the
 * finance dashboards render in both languages for their roles and not for a supplier.
 */
abstract class PlanningKpisContract {

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
    DemandHistory demand;

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

    /**
     * Period: the last 28 days. Weekly buckets (forecast → actual): the item from day −27 (run 1 said 10, the later run 2
     * says 12 and counts) → 4 + 4 = 8; the item from day −13: 5 → 6; the lot item from day −20: 0 → 2. Left out: the
     * item's bucket from day −3 (not over by the period's end) and from day −30 (begins before it). Demand on day −20
     * of the item lies in no bucket of it.
     */
    @Test
    void forecast_accuracy_of_stored_forecasts_against_the_demand_history() throws Exception {
        // a run stores one forecast per item × warehouse: its first bucket is the one measured
        forecast(run(), data.item, -27, "10,20");
        long later = run();
        forecast(later, data.item, -27, "12,7");
        forecast(later, data.lotItem, -20, "0,1");
        forecast(run(), data.item, -13, "5");
        forecast(run(), data.item, -3, "9");
        forecast(run(), data.item, -30, "50");
        long item = id("item", data.item);
        long lotItem = id("item", data.lotItem);
        long warehouse = id("warehouse", data.warehouse);
        demand.record(List.of(
                new DemandRecord(item, warehouse, today.minusDays(27), dec("4")),
                new DemandRecord(item, warehouse, today.minusDays(22), dec("4")),
                new DemandRecord(item, warehouse, today.minusDays(20), dec("99")),
                new DemandRecord(item, warehouse, today.minusDays(10), dec("6")),
                new DemandRecord(lotItem, warehouse, today.minusDays(15), dec("2"))));

        String period = "warehouse=%s&from=%s&to=%s".formatted(data.warehouse, today.minusDays(27), today);
        JsonNode report = getJson(as(Role.PLANNER), "/api/v1/analytics/forecast-accuracy?" + period);
        JsonNode overall = report.get("overall");
        // |e| = 4 + 1 + 2 = 7 of 16; forecast 17, 1 too high
        assertThat(overall.get("buckets").asLong()).isEqualTo(3);
        assertThat(overall.get("forecast").decimalValue()).isEqualByComparingTo("17");
        assertThat(overall.get("actual").decimalValue()).isEqualByComparingTo("16");
        assertThat(overall.get("wape").decimalValue()).isEqualByComparingTo("0.4375");
        assertThat(overall.get("bias").decimalValue()).isEqualByComparingTo("0.0625");
        assertThat(overall.get("accuracy").decimalValue()).isEqualByComparingTo("0.5625");
        JsonNode worst = report.get("items").get(0);
        assertThat(worst.get("item").asString()).isEqualTo(data.lotItem);
        assertThat(worst.get("accuracy").get("wape").decimalValue()).isEqualByComparingTo("1");
        assertThat(worst.get("accuracy").get("accuracy").decimalValue()).isEqualByComparingTo("0");
        JsonNode best = report.get("items").get(1);
        assertThat(best.get("item").asString()).isEqualTo(data.item);
        // 5 of 14; 3 of 14 too high
        assertThat(best.get("accuracy").get("wape").decimalValue()).isEqualByComparingTo("0.3571");
        assertThat(best.get("accuracy").get("bias").decimalValue()).isEqualByComparingTo("0.2143");
        long monthBuckets = 0;
        for (JsonNode m : report.get("months")) {
            monthBuckets += m.get("accuracy").get("buckets").asLong();
        }
        assertThat(monthBuckets).isEqualTo(3);

        JsonNode kpis = getJson(as(Role.BUYER), "/api/v1/analytics/kpis?" + period);
        assertKpi(kpis, "forecastAccuracy", "0.5625", null, null);
        assertKpi(kpis, "forecastWape", "0.4375", null, null);
        assertKpi(kpis, "forecastBias", "0.0625", null, null);
        // a supplier gets no planning KPIs
        JsonNode theirs = getJson(asUser(Fixtures.SUPPLIER_USER_A), "/api/v1/analytics/kpis?" + period);
        for (JsonNode k : theirs.get("kpis")) {
            assertThat(k.get("code").asString()).doesNotStartWith("forecast").doesNotStartWith("suggestion");
        }
        mvc.perform(get("/api/v1/analytics/forecast-accuracy?" + period).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
    }

    /** Raised in the last 28 days: 3 accepted, 1 rejected, 1 open, 1 superseded; in the 28 before: 1 accepted. */
    @Test
    void suggestion_acceptance_of_decided_and_of_raised_with_the_previous_period() throws Exception {
        long run = run();
        for (String status : List.of("ACCEPTED", "ACCEPTED", "ACCEPTED", "REJECTED", "OPEN", "SUPERSEDED")) {
            suggestion(run, status, 5);
        }
        suggestion(run, "ACCEPTED", 40);
        String period = "warehouse=%s&from=%s&to=%s".formatted(data.warehouse, today.minusDays(27), today);
        JsonNode acceptance = getJson(as(Role.PLANNER), "/api/v1/analytics/suggestion-acceptance?" + period);
        assertThat(acceptance.get("raised").asLong()).isEqualTo(6);
        assertThat(acceptance.get("accepted").asLong()).isEqualTo(3);
        assertThat(acceptance.get("ofDecided").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(acceptance.get("ofRaised").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode kpis = getJson(as(Role.ADMIN), "/api/v1/analytics/kpis?" + period);
        assertKpi(kpis, "suggestionAcceptance", "0.75", "1", "-0.25");
        assertKpi(kpis, "suggestionAcceptanceOfRaised", "0.5", "1", "-0.5");
    }

    @Test
    void the_planner_and_finance_dashboards_render_in_both_languages_for_their_roles_only() throws Exception {
        MockHttpSession planner = UiSessions.login(mvc, "t-planner");
        MockHttpSession finance = UiSessions.login(mvc, "t-finance");
        MockHttpSession supplier = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        assertThat(page(planner, "/dashboards/planner?lang=en&warehouse=" + data.warehouse))
                .contains(
                        "Planning dashboard",
                        "Forecast accuracy",
                        "id=\"chart-accuracy\"",
                        "id=\"chart-acceptance\"",
                        "id=\"export-accuracy\"");
        assertThat(page(planner, "/dashboards/planner?lang=zh-CN"))
                .contains("计划驾驶舱", "预测准确率", "建议采纳率")
                .doesNotContain("Forecast accuracy");
        assertThat(page(finance, "/dashboards/finance?lang=en"))
                .contains(
                        "Finance dashboard",
                        "Consignment liability",
                        "id=\"chart-statements\"",
                        "id=\"export-statements\"");
        assertThat(page(finance, "/dashboards/finance?lang=zh-CN"))
                .contains("财务驾驶舱", "寄售负债", "对账单状态分布")
                .doesNotContain("Consignment liability");
        // the role homes link their dashboard
        assertThat(page(planner, "/?lang=en"))
                .contains("id=\"home-planner-dashboard\"")
                .doesNotContain("home-finance-dashboard");
        assertThat(page(finance, "/?lang=zh-CN"))
                .contains("id=\"home-finance-dashboard\"", "财务驾驶舱")
                .doesNotContain("home-planner-dashboard");
        assertThat(page(supplier, "/")).doesNotContain("home-planner-dashboard", "home-finance-dashboard");
        mvc.perform(get("/dashboards/finance").session(planner)).andExpect(status().isForbidden());
        mvc.perform(get("/dashboards/planner").session(finance)).andExpect(status().isForbidden());
        mvc.perform(get("/dashboards/planner").session(supplier)).andExpect(status().isForbidden());
        mvc.perform(get("/dashboards/finance").session(supplier)).andExpect(status().isForbidden());
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long run() {
        jdbc.sql("""
                INSERT INTO planning_run (status, phase, horizon_days, service_level, started_by, created_at)
                VALUES ('DONE', 'DONE', 56, 0.95, 'kpi-test', :now)""").param("now", Timestamp.from(clock.instant())).update();
        return jdbc.sql("SELECT MAX(id) FROM planning_run WHERE started_by = 'kpi-test'")
                .query(Long.class)
                .single();
    }

    private void forecast(long run, String item, int firstDay, String csv) {
        jdbc.sql("""
                INSERT INTO planning_forecast (run_id, item_id, warehouse_id, bucket_days, first_bucket, model, measure,
                    score, demand_class, mean_per_bucket, error_sd, lead_time_days, lead_time_sd, lead_time_source,
                    service_level, safety, reorder_point, order_up_to, stockout_buckets, history_start, history_csv,
                    forecast_csv)
                VALUES (:run, (SELECT id FROM item WHERE code = :item), (SELECT id FROM warehouse WHERE code = :wh), 7,
                    :first, 'NAIVE', 'RMSSE', 1.0, 'SMOOTH', 10, 2, 7, 1, 'DEFAULT', 0.95, 5, 30, 60, 0, :start, '1,1',
                    :csv)""")
                .param("run", run)
                .param("item", item)
                .param("wh", data.warehouse)
                .param("first", Date.valueOf(today.plusDays(firstDay)))
                .param("start", Date.valueOf(today.plusDays(firstDay).minusWeeks(2)))
                .param("csv", csv)
                .update();
    }

    private void suggestion(long run, String status, int daysAgo) {
        jdbc.sql("""
                INSERT INTO planning_suggestion (run_id, type, status, item_id, warehouse_id, qty, forecast_qty,
                    horizon_days, on_hand, in_transit, reserved, lead_time_days, lead_time_sd, service_level, safety,
                    reorder_point, order_up_to, needed_qty, created_at)
                VALUES (:run, 'PURCHASE', :status, (SELECT id FROM item WHERE code = :item),
                    (SELECT id FROM warehouse WHERE code = :wh), 10, 40, 56, 8, 0, 0, 7, 1, 0.95, 5, 30, 60, 10, :at)""")
                .param("run", run)
                .param("status", status)
                .param("item", data.item)
                .param("wh", data.warehouse)
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(daysAgo))))
                .update();
    }

    private long id(String table, String code) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private JsonNode getJson(RequestPostProcessor who, String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static void assertKpi(JsonNode report, String code, String value, String previous, String trend) {
        for (JsonNode k : report.get("kpis")) {
            if (k.get("code").asString().equals(code)) {
                assertDecimal(k.get("value"), value, code + " value");
                assertDecimal(k.get("previous"), previous, code + " previous");
                assertDecimal(k.get("trend"), trend, code + " trend");
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

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
