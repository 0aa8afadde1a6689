package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 12, part 3: a supplier never reads another supplier's code, lead time, MOQ, pack, lot or a reason naming it.
 * Story: T-SUP-A and T-SUP-B both supply one item; B (lead time 17 d, MOQ 250, pack 25) holds consignment of lot
 * LOT-B-77 at the VMI zone under an agreement, production consumes some of it (ownership passes to the buyer), and
 * planning suggested to buy from each supplier and a transfer. A reads suggestions, forecasts, movements, stock, the
 * movements page and its CSV and XLSX export without finding any of B's facts; B and the buyer side still read them.
 */
abstract class SupplierScopeLeakContract {

    private static final String LOT_B = "LOT-B-77";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    LedgerTestData data;
    LedgerTestData other;
    private final RequestPostProcessor supA = asUser(Fixtures.SUPPLIER_USER_A);
    private final RequestPostProcessor supB = asUser(Fixtures.SUPPLIER_USER_B);

    @BeforeEach
    void story() throws Exception {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            data = new LedgerTestData(items, warehouses, suppliers); // the item is on T-SUP-A's list (lead time 5)
            other = new LedgerTestData(items, warehouses, suppliers); // a second warehouse to transfer to
            SupplierItemCommand b = new SupplierItemCommand();
            b.setItem(data.item);
            b.setPrice(new BigDecimal("9.40"));
            b.setCurrency("CNY");
            b.setLeadTimeDays(17);
            b.setMoq(new BigDecimal("250"));
            b.setPackSize(new BigDecimal("25"));
            suppliers.addSource(Fixtures.SUPPLIER_B, b);
        } finally {
            SecurityContextHolder.clearContext();
        }
        json(
                post("/api/v1/vmi/agreements"),
                as(Role.BUYER),
                """
                {"supplier":"%s","currency":"CNY","replenishWithinHours":48,"settlementCycle":"MONTHLY",
                 "ownershipMode":"UNTIL_CONSUMED","validFrom":"2026-01-01","penaltyTerms":"-","penaltyPerLateHour":"0",
                 "lines":[{"item":"%s","location":"%s","min":10,"max":100,"price":"9.40"}]}""".formatted(Fixtures.SUPPLIER_B, data.item, data.vmi),
                201);
        json(
                post("/api/v1/movements"),
                as(Role.ADMIN),
                """
                {"lines":[{"type":"RECEIPT","item":"%1$s","location":"%2$s","owner":"OWN","qty":20},
                          {"type":"RECEIPT","item":"%1$s","location":"%3$s","owner":"%4$s","lot":"%5$s","qty":40},
                          {"type":"RECEIPT","item":"%1$s","location":"%6$s","owner":"OWN","lot":"%5$s","qty":5}]}""".formatted(data.item, data.bin1, data.vmi, Fixtures.SUPPLIER_B, LOT_B, data.bin2),
                201);
        json(post("/api/v1/vmi/consumptions"), as(Role.WAREHOUSE), """
                {"item":"%s","location":"%s","qty":12,"reference":"WO-SCOPE"}""".formatted(data.item, data.vmi), 201);
        planning();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A run with a forecast planned on B's lead time and suggestions to A, to B and a transfer, as planning writes them. */
    private void planning() {
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO planning_run (status, phase, horizon_days, service_level, started_by, created_at)
                VALUES ('DONE', 'DONE', 56, 0.95, 'scope-test', :now)""").param("now", Timestamp.from(now)).update();
        long run = jdbc.sql("SELECT MAX(id) FROM planning_run WHERE started_by = 'scope-test'")
                .query(Long.class)
                .single();
        String ids = "(SELECT id FROM item WHERE code = :item), (SELECT id FROM warehouse WHERE code = :wh)";
        jdbc.sql("""
                INSERT INTO planning_forecast (run_id, item_id, warehouse_id, bucket_days, first_bucket, model, measure,
                    score, demand_class, mean_per_bucket, error_sd, lead_time_days, lead_time_sd, lead_time_source,
                    service_level, safety, reorder_point, order_up_to, stockout_buckets, history_start, history_csv,
                    forecast_csv, lead_time_supplier_id)
                VALUES (:run, %s, 7, :first, 'NAIVE', 'RMSSE', 1.0, 'SMOOTH', 10, 2, 17.25, 1.5, 'RECEIPTS',
                    0.95, 5, 30, 60, 0, :start, '10,10', '10,10', (SELECT id FROM supplier WHERE code = :b))""".formatted(ids))
                .param("run", run)
                .param("item", data.item)
                .param("wh", data.warehouse)
                .param("first", java.sql.Date.valueOf(LocalDate.now()))
                .param("start", java.sql.Date.valueOf(LocalDate.now().minusWeeks(2)))
                .param("b", Fixtures.SUPPLIER_B)
                .update();
        suggestion(run, "PURCHASE", Fixtures.SUPPLIER_B, "75", "17.25", "250", "25", Fixtures.SUPPLIER_B, now);
        suggestion(run, "PURCHASE", Fixtures.SUPPLIER_A, "33", "5", "10", "5", Fixtures.SUPPLIER_A, now);
        // a VMI replenishment to A planned with B's lead time (A has no receipts of its own yet)
        suggestion(run, "VMI_REPLENISHMENT", Fixtures.SUPPLIER_A, "44", "17.25", "10", "5", Fixtures.SUPPLIER_B, now);
        suggestion(run, "TRANSFER", null, "11", "17.25", null, null, Fixtures.SUPPLIER_B, now);
    }

    private void suggestion(
            long run,
            String type,
            String supplier,
            String qty,
            String leadTime,
            String moq,
            String pack,
            String leadTimeSupplier,
            Instant now) {
        jdbc.sql("""
                INSERT INTO planning_suggestion (run_id, type, status, item_id, warehouse_id, supplier_id, from_warehouse_id,
                    qty, forecast_qty, horizon_days, on_hand, in_transit, reserved, lead_time_days, lead_time_sd,
                    service_level, safety, reorder_point, order_up_to, needed_qty, moq, pack_size, created_at,
                    lead_time_supplier_id)
                VALUES (:run, :type, 'OPEN', (SELECT id FROM item WHERE code = :item), (SELECT id FROM warehouse WHERE code = :wh),
                    (SELECT id FROM supplier WHERE code = :s), CASE WHEN :type = 'TRANSFER' THEN (SELECT id FROM warehouse WHERE code = :wh) END,
                    :qty, 40, 56, 8, 0, 0, :lt, 1.5, 0.95, 5, 30, 60, :qty, :moq, :pack, :now,
                    (SELECT id FROM supplier WHERE code = :lts))""")
                .param("run", run)
                .param("type", type)
                .param("item", data.item)
                .param("wh", data.warehouse)
                .param("s", supplier)
                .param("qty", new BigDecimal(qty))
                .param("lt", new BigDecimal(leadTime))
                .param("moq", moq == null ? null : new BigDecimal(moq))
                .param("pack", pack == null ? null : new BigDecimal(pack))
                .param("now", Timestamp.from(now))
                .param("lts", leadTimeSupplier)
                .update();
    }

    private void json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor who,
            String body,
            int expected)
            throws Exception {
        mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected));
    }

    private String read(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).param("item", data.item).with(who).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** None of B's facts: its code, its lot, its lead time, MOQ and pack. */
    private static void noneOfB(String text) {
        assertThat(text)
                .doesNotContain(
                        Fixtures.SUPPLIER_B, LOT_B, "17.25", "MOQ 250", "\"moq\":250", "pack 25", "\"packSize\":25");
    }

    @Test
    void a_supplier_sees_only_suggestions_that_order_from_itself_without_another_suppliers_lead_time()
            throws Exception {
        String a = read("/api/v1/suggestions", supA);
        noneOfB(a);
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<Object>>read(a, "$.content[*].supplier"))
                .containsOnly(Fixtures.SUPPLIER_A)
                .hasSize(2);
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<Object>>read(a, "$.content[?(@.type == 'TRANSFER')]"))
                .isEmpty();
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<Object>>read(
                        a, "$.content[?(@.type == 'VMI_REPLENISHMENT')].leadTimeDays"))
                .containsOnlyNulls();
        assertThat(a).contains("order 33 from " + Fixtures.SUPPLIER_A);

        String b = read("/api/v1/suggestions", supB);
        assertThat(b)
                .contains("order 75 from " + Fixtures.SUPPLIER_B, "17.25")
                .doesNotContain("\"" + Fixtures.SUPPLIER_A + "\"");
        assertThat(read("/api/v1/suggestions", as(Role.VIEWER))).contains(Fixtures.SUPPLIER_B, "TRANSFER");

        MockHttpSession session = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        String page = mvc.perform(get("/planning/suggestions")
                        .session(session)
                        .param("item", data.item)
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        noneOfB(page);
        assertThat(page).contains("order 33 from " + Fixtures.SUPPLIER_A);
        // the list's XLSX (issue 15) holds what the page shows: the supplier's own suggestions only
        byte[] file = mvc.perform(get("/planning/suggestions/export")
                        .session(session)
                        .param("item", data.item)
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        java.util.List<org.openvmi.shared.tabular.TabularRow> rows = org.openvmi.shared.tabular.TabularFiles.read(
                new java.io.ByteArrayInputStream(file), org.openvmi.shared.tabular.TabularFormat.XLSX);
        assertThat(rows).isNotEmpty();
        rows.forEach(r -> noneOfB(r.cells().toString()));
        assertThat(rows.stream().map(r -> r.cells().toString()).toList())
                .anyMatch(r -> r.contains("order 33 from " + Fixtures.SUPPLIER_A));
    }

    @Test
    void a_supplier_reads_the_forecast_of_its_item_without_another_suppliers_lead_time() throws Exception {
        String a = read("/api/v1/forecasts", supA);
        noneOfB(a);
        assertThat(a).contains(data.item).contains("\"leadTimeDays\":null", "\"leadTimeSource\":null");
        assertThat(read("/api/v1/forecasts", supB)).contains("\"leadTimeDays\":17.25", "RECEIPTS");
        assertThat(read("/api/v1/forecasts", as(Role.PLANNER))).contains("\"leadTimeDays\":17.25");

        String page = mvc.perform(get("/planning/forecasts/" + data.item + "/" + data.warehouse)
                        .session(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A))
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        noneOfB(page);
        assertThat(page).contains("forecast-lead-time-hidden");
    }

    @Test
    void transfers_show_a_supplier_neither_another_suppliers_consignment_nor_its_lot() throws Exception {
        json(
                post("/api/v1/transfers"),
                as(Role.WAREHOUSE),
                """
                {"from":"%s","to":"%s","reference":"TR-OWN","lines":[{"item":"%s","owner":"OWN","lot":"%s","qty":5}]}""".formatted(data.bin2, other.bin1, data.item, LOT_B),
                201);
        json(
                post("/api/v1/transfers"),
                as(Role.WAREHOUSE),
                """
                {"from":"%s","to":"%s","reference":"TR-CONS-B","lines":[{"item":"%s","owner":"%s","lot":"%s","qty":3}]}""".formatted(data.vmi, other.bin1, data.item, Fixtures.SUPPLIER_B, LOT_B),
                201);
        long own = jdbc.sql("SELECT id FROM stock_transfer WHERE reference = 'TR-OWN'")
                .query(Long.class)
                .single();
        long consigned = jdbc.sql("SELECT id FROM stock_transfer WHERE reference = 'TR-CONS-B'")
                .query(Long.class)
                .single();

        String ownTransfer = read("/api/v1/transfers/" + own, supA);
        noneOfB(ownTransfer);
        assertThat(ownTransfer).contains(data.item, "\"owner\":\"OWN\"");
        mvc.perform(get("/api/v1/transfers/" + consigned).with(supA)).andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/transfers").with(supA).param("size", "200"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("TR-OWN").doesNotContain("TR-CONS-B");
        assertThat(read("/api/v1/transfers/" + own, supB)).contains(LOT_B);
        assertThat(read("/api/v1/transfers/" + consigned, supB)).contains(LOT_B, Fixtures.SUPPLIER_B);
    }

    @Test
    void another_suppliers_low_water_alert_of_a_shared_item_is_not_shown() throws Exception {
        json(post("/api/v1/supplier-stock"), supB, """
                {"lines":[{"item":"%s","available":7,"lowWater":130}]}""".formatted(data.item), 200);
        String b = read("/api/v1/alerts", supB);
        assertThat(b).contains("SUPPLIER_LOW_WATER", Fixtures.SUPPLIER_B);
        String a = read("/api/v1/alerts", supA);
        noneOfB(a);
        assertThat(a).doesNotContain("SUPPLIER_LOW_WATER", "130");
        assertThat(read("/api/v1/alerts", as(Role.BUYER))).contains("SUPPLIER_LOW_WATER", Fixtures.SUPPLIER_B);
    }

    @Test
    void the_buyers_side_of_a_consumed_consignment_names_neither_the_supplier_nor_its_lot_to_another_supplier()
            throws Exception {
        String movements = read("/api/v1/movements", supA);
        noneOfB(movements);
        assertThat(movements).contains("OWNERSHIP_TRANSFER", "\"reason\":\"ownership transfer\"", "WO-SCOPE");
        String stock = read("/api/v1/stock", supA);
        noneOfB(stock);
        // own stock is not valued for a supplier: its average cost may be another supplier's price
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<Object>>read(
                        stock, "$.content[?(@.owner == 'OWN')].unitValue"))
                .isNotEmpty()
                .containsOnlyNulls();

        // B delivered that lot: it still reads its lot and the reason naming it; the buyer side reads everything
        assertThat(read("/api/v1/movements", supB)).contains("ownership from " + Fixtures.SUPPLIER_B, LOT_B);
        assertThat(read("/api/v1/stock", supB)).contains(LOT_B);
        assertThat(read("/api/v1/movements", as(Role.VIEWER))).contains("ownership from " + Fixtures.SUPPLIER_B, LOT_B);

        MockHttpSession session = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        String page = mvc.perform(
                        get("/movements").session(session).param("q", data.item).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        noneOfB(page);
        assertThat(page).contains("ownership transfer");
        String csv = mvc.perform(get("/movements/export")
                        .session(session)
                        .param("q", data.item)
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        noneOfB(csv);
        assertThat(csv).contains("OWNERSHIP_TRANSFER");
        byte[] xlsx = mvc.perform(get("/movements/export")
                        .session(session)
                        .param("q", data.item)
                        .param("format", "xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String cells = cells(xlsx);
        noneOfB(cells);
        assertThat(cells).contains("OWNERSHIP_TRANSFER");
        String stockCsv = mvc.perform(get("/stock/export")
                        .session(session)
                        .param("q", data.item)
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        noneOfB(stockCsv);
    }

    private static java.util.List<Object> values(String json, String path) {
        return com.jayway.jsonpath.JsonPath.read(json, path);
    }

    private String page(MockHttpSession session, String path, String... params) throws Exception {
        var request = get(path).session(session).param("lang", "en");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /**
     * The warehouse holds 25 own (20 + 5 received) and 28 of B's consignment (40, 12 consumed): a stock alert's
     * figure (53) minus the buyer's stock A reads on the stock page would be B's consignment.
     */
    @Test
    void a_stock_alert_shows_a_supplier_no_stock_figure_since_it_counts_other_suppliers_consignment() throws Exception {
        mvc.perform(put("/api/v1/stock-policies/" + data.item + "/" + data.warehouse)
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"safety\":100,\"warning\":120,\"max\":300}"))
                .andExpect(status().isOk());
        String buyer = read("/api/v1/alerts", as(Role.BUYER));
        assertThat(values(buyer, "$.content[*].stockAtRaise"))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).hasToString("53"));
        String a = read("/api/v1/alerts", supA);
        // one open alert per item × warehouse, at its most severe level (ADR 0010 addendum)
        assertThat(values(a, "$.content[*].stockAtRaise")).hasSize(1).containsOnlyNulls();
        assertThat(values(a, "$.content[?(@.type == 'BELOW_SAFETY')].line"))
                .hasSize(1)
                .allSatisfy(v -> assertThat(v).hasToString("100"));
        long id = ((Number) values(a, "$.content[*].id").get(0)).longValue();
        assertThat(read("/api/v1/alerts/" + id, supA)).contains("\"stockAtRaise\":null");
        assertThat(values(read("/api/v1/alerts/" + id + "/history", supA), "$[*].stock"))
                .isNotEmpty()
                .containsOnlyNulls();
        assertThat(values(read("/api/v1/alerts/" + id + "/history", as(Role.BUYER)), "$[*].stock"))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).hasToString("53"));

        MockHttpSession session = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        String centre = page(session, "/alerts", "item", data.item, "status", "ALL");
        assertThat(centre).contains("stock-not-shown", "not shown").doesNotContain(">53 ");
        assertThat(page(session, "/alerts/" + id)).contains("not shown").doesNotContain("53 PCS");
        assertThat(page(session, "/portal")).contains("not shown / 100").doesNotContain("53 / 100");
        String chart = page(session, "/stock-policies/" + data.item + "/" + data.warehouse);
        assertThat(chart).contains("chart-stock-hidden").contains("\"stock\":[]");
        assertThat(page(UiSessions.login(mvc, "t-buyer"), "/stock-policies/" + data.item + "/" + data.warehouse))
                .doesNotContain("chart-stock-hidden", "\"stock\":[]");

        // back inside the lines: resolved by itself at 353, which A does not read either
        json(post("/api/v1/movements"), as(Role.ADMIN), """
                {"lines":[{"type":"RECEIPT","item":"%s","location":"%s","owner":"OWN","qty":300}]}""".formatted(data.item, data.bin1), 201);
        assertThat(values(resolved(as(Role.BUYER)), "$.content[*].stockAtResolve"))
                .hasSize(1)
                .allSatisfy(v -> assertThat(v).hasToString("353"));
        assertThat(values(resolved(supA), "$.content[*].stockAtResolve"))
                .hasSize(1)
                .containsOnlyNulls();
    }

    private String resolved(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/v1/alerts")
                        .param("item", data.item)
                        .param("status", "RESOLVED")
                        .with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void a_suppliers_own_suggestion_shows_neither_the_warehouses_on_hand_nor_the_quantity_it_is_derived_from()
            throws Exception {
        String a = read("/api/v1/suggestions", supA);
        assertThat(values(a, "$.content[*].onHand")).hasSize(2).containsOnlyNulls();
        assertThat(values(a, "$.content[*].neededQty")).hasSize(2).containsOnlyNulls();
        assertThat(a).contains("on hand -, on order -").doesNotContain("on hand 8");
        assertThat(read("/api/v1/suggestions", supB)).doesNotContain("\"onHand\":8", "on hand 8");
        String viewer = read("/api/v1/suggestions", as(Role.VIEWER));
        assertThat(viewer).contains("\"onHand\":8", "on hand 8");

        String page = page(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A), "/planning/suggestions", "item", data.item);
        assertThat(page).contains("on hand -").doesNotContain("on hand 8");
    }

    @Test
    void items_show_a_supplier_no_unit_cost_since_the_moving_average_may_be_another_suppliers_price() throws Exception {
        jdbc.sql("UPDATE item SET unit_cost = 9.40 WHERE code = :c")
                .param("c", data.item)
                .update();
        assertThat(read("/api/v1/items/" + data.item, as(Role.VIEWER))).contains("\"unitCost\":9.4");
        assertThat(read("/api/v1/items/" + data.item, supA)).contains("\"unitCost\":null");
        String list = mvc.perform(get("/api/v1/items").param("q", data.item).with(supA))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(values(list, "$.content[*].unitCost")).hasSize(1).containsOnlyNulls();

        MockHttpSession session = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        assertThat(page(session, "/items", "q", data.item))
                .contains("unit-cost-not-shown")
                .doesNotContain("9.4");
        String csv = mvc.perform(get("/exports/items").session(session).param("format", "csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains(data.item).doesNotContain("9.4");
        byte[] xlsx = mvc.perform(get("/exports/items").session(session).param("format", "xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(cells(xlsx)).contains(data.item).doesNotContain("9.4");
        String buyerCsv = mvc.perform(get("/exports/items")
                        .session(UiSessions.login(mvc, "t-buyer"))
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(buyerCsv).contains("9.4");
    }

    @Test
    void the_stock_page_shows_a_supplier_no_own_value_card_and_does_not_call_own_stock_unvalued() throws Exception {
        String a = page(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A), "/stock", "q", data.item);
        assertThat(a).contains("card-consignment").doesNotContain("card-own", "own-value", "without a supplier price");
        assertThat(page(UiSessions.login(mvc, "t-buyer"), "/stock", "q", data.item))
                .contains("card-own");
    }

    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        sb.append(cell.toString()).append('|');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }
}
