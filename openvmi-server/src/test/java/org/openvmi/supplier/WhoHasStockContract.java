package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The buyer's "who has stock" ranking and the shortage view. */
abstract class WhoHasStockContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    SupplierTestData data;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
        data = new SupplierTestData(jdbc, batch);
    }

    private String supplier(String name, String item, int deliveryLeadDays, String price, boolean primary) {
        String code = Fixtures.unique(name);
        jdbc.sql("INSERT INTO supplier (code, name) VALUES (:c, :n)")
                .param("c", code)
                .param("n", name)
                .update();
        data.source(List.of(item), code, deliveryLeadDays, price, primary);
        return code;
    }

    private void report(String supplier, String line) throws Exception {
        mvc.perform(post("/api/v1/supplier-stock")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\":\"" + supplier + "\",\"lines\":[" + line + "]}"))
                .andExpect(status().isOk());
    }

    @Test
    void who_has_stock_puts_suppliers_that_cover_the_quantity_soonest_first_and_flags_stale_data() throws Exception {
        String item = data.items(Fixtures.unique("WHS"), 1, Fixtures.SUPPLIER_A, 30, "9.00", false)
                .get(0);
        String slowButCovers = supplier("SLOW", item, 7, "3.00", false);
        String fastest = supplier("FAST", item, 2, "3.50", false);
        String fastButStale = supplier("STALE", item, 2, "2.00", true);
        String withProduction = supplier("PROD", item, 1, "3.00", false);
        String mustProduce = supplier("MAKE", item, 1, "1.00", false);
        String silent = supplier("SILENT", item, 1, "1.00", false);
        String old = OffsetDateTime.now(ZoneOffset.UTC).minusHours(100).toString();
        String inThreeDays = LocalDate.now().plusDays(3).toString();
        report(slowButCovers, "{\"item\":\"" + item + "\",\"available\":1000}");
        report(fastest, "{\"item\":\"" + item + "\",\"available\":600}");
        report(fastButStale, "{\"item\":\"" + item + "\",\"available\":800,\"asOf\":\"" + old + "\"}");
        report(
                withProduction,
                "{\"item\":\"" + item + "\",\"available\":100,\"inProduction\":1000,\"availableFrom\":\"" + inThreeDays
                        + "\"}");
        report(mustProduce, "{\"item\":\"" + item + "\",\"available\":50,\"leadTimeDays\":10}");
        report(Fixtures.SUPPLIER_A, "{\"item\":\"" + item + "\",\"available\":0,\"leadTimeDays\":20}");

        String json = mvc.perform(get("/api/v1/supplier-stock/availability")
                        .param("items", item)
                        .param("qty", "500")
                        .with(as(Role.BUYER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> order = JsonPath.read(json, "$[0].suppliers[*].supplier");
        assertThat(order)
                .containsExactly(
                        fastest, fastButStale, withProduction, slowButCovers, mustProduce, Fixtures.SUPPLIER_A, silent);
        List<Integer> days = JsonPath.read(json, "$[0].suppliers[*].deliveryDays");
        assertThat(days.subList(0, 6)).containsExactly(2, 2, 4, 7, 11, 50);
        List<Boolean> covers = JsonPath.read(json, "$[0].suppliers[*].covers");
        assertThat(covers).containsExactly(true, true, true, true, false, false, false);
        List<Boolean> stale = JsonPath.read(json, "$[0].suppliers[*].stale");
        assertThat(stale).containsExactly(false, true, false, false, false, false, false);
        List<String> basis = JsonPath.read(json, "$[0].suppliers[*].basis");
        assertThat(basis)
                .containsExactly(
                        "ON_HAND", "ON_HAND", "IN_PRODUCTION", "ON_HAND", "TO_PRODUCE", "TO_PRODUCE", "NOT_REPORTED");
        assertThat((Boolean) JsonPath.read(json, "$[0].suppliers[1].primary")).isTrue();
        assertThat((Integer) JsonPath.read(json, "$[0].suppliers[1].ageHours")).isEqualTo(100);

        // a larger quantity: only the slow supplier and the one with production can still cover it
        String big = mvc.perform(get("/api/v1/supplier-stock/availability")
                        .param("items", item)
                        .param("qty", "1000")
                        .with(as(Role.BUYER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> bigOrder = JsonPath.read(big, "$[0].suppliers[*].supplier");
        assertThat(bigOrder.subList(0, 2)).containsExactly(withProduction, slowButCovers);

        mvc.perform(get("/api/v1/supplier-stock/availability")
                        .param("items", item)
                        .with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/who-has-stock")
                        .param("items", item)
                        .param("qty", "500")
                        .session(UiSessions.login(mvc, "t-buyer")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(fastest)));
    }

    @Test
    void the_shortage_view_lists_items_below_their_warning_line_with_the_suppliers_able_to_refill_them()
            throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        LedgerTestData ledger;
        try {
            ledger = new LedgerTestData(
                    items, warehouses, suppliers); // ledger.item is on T-SUP-A's list, nothing on hand
        } finally {
            SecurityContextHolder.clearContext();
        }
        data.source(List.of(ledger.item), Fixtures.SUPPLIER_B, 1, "7.00", false);
        mvc.perform(put("/api/v1/stock-policies/" + ledger.item + "/" + ledger.warehouse)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"safety\":20,\"warning\":50,\"max\":200}"))
                .andExpect(status().isOk());
        report(Fixtures.SUPPLIER_A, "{\"item\":\"" + ledger.item + "\",\"available\":300}");
        report(Fixtures.SUPPLIER_B, "{\"item\":\"" + ledger.item + "\",\"available\":100}");

        String json = mvc.perform(get("/api/v1/supplier-stock/shortages")
                        .param("warehouse", ledger.warehouse)
                        .with(as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$[*].item")).containsExactly(ledger.item);
        assertThat(((Number) JsonPath.read(json, "$[0].need")).intValue()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(json, "$[0].suppliers[*].supplier"))
                .containsExactly(Fixtures.SUPPLIER_A, Fixtures.SUPPLIER_B);
        assertThat((List<Boolean>) JsonPath.read(json, "$[0].suppliers[*].covers"))
                .containsExactly(true, false);
        mvc.perform(get("/shortages").param("warehouse", ledger.warehouse).session(UiSessions.login(mvc, "t-buyer")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("shortage-" + ledger.item)));
        mvc.perform(get("/api/v1/supplier-stock/shortages").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        // the list as a spreadsheet (issue 15), in the page's language; not for supplier users
        byte[] file = mvc.perform(get("/shortages/export")
                        .param("warehouse", ledger.warehouse)
                        .param("lang", "zh-CN")
                        .session(UiSessions.login(mvc, "t-buyer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<org.openvmi.shared.tabular.TabularRow> rows = org.openvmi.shared.tabular.TabularFiles.read(
                new java.io.ByteArrayInputStream(file), org.openvmi.shared.tabular.TabularFormat.XLSX);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("物料")).isEqualTo(ledger.item);
        assertThat(new java.math.BigDecimal(rows.get(0).get("缺口"))).isEqualByComparingTo("200");
        assertThat(new java.math.BigDecimal(rows.get(0).get("可补足的供应商数"))).isEqualByComparingTo("1");
        mvc.perform(get("/shortages/export").session(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
    }
}
