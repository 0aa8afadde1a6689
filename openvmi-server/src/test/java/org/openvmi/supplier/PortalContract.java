package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
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

/** The supplier portal home: own items at the buyer, own vs consignment, days of cover, never another supplier's stock. */
abstract class PortalContract {

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

    LedgerTestData data;

    @BeforeEach
    void fixtures() throws Exception {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            data = new LedgerTestData(items, warehouses, suppliers); // data.item is on T-SUP-A's list
        } finally {
            SecurityContextHolder.clearContext();
        }
        new SupplierTestData(jdbc, batch).source(List.of(data.item), Fixtures.SUPPLIER_B, 3, "9.00", false);
        move("RECEIPT", data.bin1, "OWN", 100);
        move("RECEIPT", data.vmi, Fixtures.SUPPLIER_A, 50);
        move("RECEIPT", data.vmi, Fixtures.SUPPLIER_B, 40);
        move("ISSUE", data.bin1, "OWN", 28);
    }

    private void move(String type, String location, String owner, int qty) throws Exception {
        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"type\":\"" + type + "\",\"item\":\"" + data.item + "\",\"location\":\""
                                + location + "\",\"owner\":\"" + owner + "\",\"qty\":" + qty + "}]}"))
                .andExpect(status().is2xxSuccessful());
    }

    private java.math.BigDecimal number(String json, String field) {
        List<Object> values = JsonPath.read(json, "$.items[?(@.item == '" + data.item + "')]." + field);
        return new java.math.BigDecimal(values.get(0).toString());
    }

    @Test
    void a_supplier_sees_its_items_at_the_buyer_with_own_and_consignment_stock_and_days_of_cover() throws Exception {
        String a = mvc.perform(get("/api/v1/portal").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_A))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(number(a, "ownOnHand")).isEqualByComparingTo("72");
        assertThat(number(a, "consignmentOnHand")).isEqualByComparingTo("50");
        assertThat(number(a, "consumed")).isEqualByComparingTo("28");
        assertThat(number(a, "daysOfCover")).isEqualByComparingTo("122");
        assertThat(a).doesNotContain(Fixtures.SUPPLIER_B);
        String b = mvc.perform(get("/api/v1/portal").with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(number(b, "consignmentOnHand")).isEqualByComparingTo("40");
        assertThat(b).doesNotContain("\"" + Fixtures.SUPPLIER_A + "\"");
        mvc.perform(get("/portal").session(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("portal-item-" + data.item)))
                .andExpect(content().string(containsString("consumption-chart")))
                .andExpect(content().string(containsString("slot-calloffs")))
                .andExpect(content().string(containsString("portal-suggestions")));
        mvc.perform(get("/portal")
                        .session(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A))
                        .param("lang", "zh_CN"))
                .andExpect(content().string(containsString("您在采购方的物料")));
        mvc.perform(get("/api/v1/portal").with(as(Role.BUYER))).andExpect(status().isForbidden());
    }

    /**
     * The consumption chart's XLSX holds the caller's own figures only: the lot item is on supplier B's list alone and 7
     * of it are issued, so B's file grows by 7 and A's does not move (it holds at least its own item's 28); the days
     * and quantities are the chart's (who else may fetch it: AuthorizationMatrixTest).
     */
    @Test
    void the_consumption_chart_exports_to_xlsx_with_the_suppliers_own_figures_only() throws Exception {
        new SupplierTestData(jdbc, batch).source(List.of(data.lotItem), Fixtures.SUPPLIER_B, 3, "4.00", true);
        // other test classes of this context consume the fixture suppliers' items too: compare before and after
        java.math.BigDecimal beforeA = exportedTotal(Fixtures.SUPPLIER_USER_A);
        java.math.BigDecimal beforeB = exportedTotal(Fixtures.SUPPLIER_USER_B);
        assertThat(beforeA).as("A's own item's consumption").isGreaterThanOrEqualTo(new java.math.BigDecimal("28"));
        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + data.lotItem
                                + "\",\"location\":\"" + data.bin1 + "\",\"owner\":\"OWN\",\"lot\":\"L1\",\"qty\":10},"
                                + "{\"type\":\"ISSUE\",\"item\":\"" + data.lotItem + "\",\"location\":\"" + data.bin1
                                + "\",\"owner\":\"OWN\",\"lot\":\"L1\",\"qty\":7}]}"))
                .andExpect(status().is2xxSuccessful());
        assertThat(exportedTotal(Fixtures.SUPPLIER_USER_A))
                .as("B's item issued: nothing in A's file")
                .isEqualByComparingTo(beforeA);
        assertThat(exportedTotal(Fixtures.SUPPLIER_USER_B))
                .isEqualByComparingTo(beforeB.add(java.math.BigDecimal.valueOf(7)));
    }

    private java.math.BigDecimal exportedTotal(String user) throws Exception {
        var response = mvc.perform(get("/portal/charts/consumption.xlsx").session(UiSessions.login(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        String json = mvc.perform(get("/api/v1/portal").with(asUser(user)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Object> days = JsonPath.read(json, "$.dayLabels");
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("a row per day of the chart").isEqualTo(days.size());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                assertThat(row.getCell(0).toString()).isEqualTo(days.get(r - 1).toString());
                var cell = row.getCell(1);
                total = total.add(
                        cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                ? java.math.BigDecimal.valueOf(cell.getNumericCellValue())
                                : new java.math.BigDecimal(cell.getStringCellValue()));
            }
        }
        return total;
    }
}
