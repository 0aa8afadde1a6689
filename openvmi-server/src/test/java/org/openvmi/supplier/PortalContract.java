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
}
