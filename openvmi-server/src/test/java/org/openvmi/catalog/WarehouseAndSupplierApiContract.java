package org.openvmi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Warehouses, locations, suppliers and source lists through the REST API; run on H2 and PostgreSQL. */
abstract class WarehouseAndSupplierApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    private ResultActions postJson(String path, Role role, String json) throws Exception {
        return mvc.perform(post(path)
                .with(as(role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void a_warehouse_user_sets_up_a_warehouse_with_locations_of_every_type() throws Exception {
        String wh = Fixtures.unique("WH");
        postJson(
                        "/api/v1/warehouses",
                        Role.WAREHOUSE,
                        "{\"code\":\"" + wh + "\",\"name\":\"上海仓\",\"address\":\"上海市浦东新区\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("上海仓"));
        for (String type : new String[] {"STORAGE", "VMI", "RECEIVING", "IN_TRANSIT"}) {
            postJson(
                            "/api/v1/warehouses/" + wh + "/locations",
                            Role.WAREHOUSE,
                            "{\"code\":\"" + wh + "-" + type + "\",\"type\":\"" + type + "\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.warehouse").value(wh))
                    .andExpect(jsonPath("$.type").value(type));
        }
        mvc.perform(get("/api/v1/warehouses/" + wh + "/locations")
                        .param("type", "VMI")
                        .with(as(Role.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].code").value(wh + "-VMI"));
        mvc.perform(get("/api/v1/warehouses/" + wh).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.locationCount").value(4));
        mvc.perform(put("/api/v1/warehouses/" + wh + "/locations/" + wh + "-STORAGE")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"STORAGE\",\"allowNegative\":true,\"name\":\"线边\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowNegative").value(true));
    }

    @Test
    void a_warehouse_with_locations_cannot_be_deleted_and_stays_unchanged() throws Exception {
        String wh = Fixtures.unique("WHD");
        postJson("/api/v1/warehouses", Role.ADMIN, "{\"code\":\"" + wh + "\",\"name\":\"n\"}")
                .andExpect(status().isCreated());
        postJson(
                        "/api/v1/warehouses/" + wh + "/locations",
                        Role.ADMIN,
                        "{\"code\":\"" + wh + "-A\",\"type\":\"STORAGE\"}")
                .andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/warehouses/" + wh).with(as(Role.ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("location")));
        mvc.perform(get("/api/v1/warehouses/" + wh).with(as(Role.ADMIN))).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/warehouses/" + wh + "/locations/" + wh + "-A")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/warehouses/" + wh).with(as(Role.ADMIN))).andExpect(status().isNoContent());
    }

    @Test
    void location_codes_are_unique_across_warehouses_and_types_are_validated() throws Exception {
        String wh = Fixtures.unique("WHL");
        postJson("/api/v1/warehouses", Role.ADMIN, "{\"code\":\"" + wh + "\",\"name\":\"n\"}")
                .andExpect(status().isCreated());
        postJson(
                        "/api/v1/warehouses/" + wh + "/locations",
                        Role.ADMIN,
                        "{\"code\":\"" + wh + "-X\",\"type\":\"STORAGE\"}")
                .andExpect(status().isCreated());
        long before = count("location");
        postJson("/api/v1/warehouses/" + wh + "/locations", Role.ADMIN, "{\"code\":\"" + wh + "-X\",\"type\":\"VMI\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].code").value("duplicate"));
        postJson(
                        "/api/v1/warehouses/" + wh + "/locations",
                        Role.ADMIN,
                        "{\"code\":\"" + wh + "-Y\",\"type\":\"SHELF\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        assertThat(count("location")).isEqualTo(before);
    }

    @Test
    void a_buyer_keeps_a_source_list_with_one_primary_source_per_item() throws Exception {
        String item = Fixtures.unique("SRC");
        String s1 = Fixtures.unique("S");
        String s2 = Fixtures.unique("S");
        postJson("/api/v1/items", Role.BUYER, "{\"code\":\"" + item + "\",\"name\":\"轴承\",\"uom\":\"PCS\"}")
                .andExpect(status().isCreated());
        postJson(
                        "/api/v1/suppliers",
                        Role.BUYER,
                        "{\"code\":\"" + s1
                                + "\",\"name\":\"宁波轴承有限公司\",\"contactName\":\"王经理\",\"contactPhone\":\"+86 574 1234 5678\",\"contactEmail\":\"wang@example.cn\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contactName").value("王经理"));
        postJson("/api/v1/suppliers", Role.BUYER, "{\"code\":\"" + s2 + "\",\"name\":\"备选供应商\"}")
                .andExpect(status().isCreated());

        String line = "{\"item\":\"" + item
                + "\",\"supplierPartNo\":\"6204-2RS\",\"price\":\"2.95\",\"currency\":\"CNY\",\"moq\":100,\"packSize\":50,\"leadTimeDays\":7,\"primary\":true}";
        postJson("/api/v1/suppliers/" + s1 + "/items", Role.BUYER, line)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.price").value(2.95))
                .andExpect(jsonPath("$.moq").value(100))
                .andExpect(jsonPath("$.primary").value(true));
        postJson("/api/v1/suppliers/" + s2 + "/items", Role.BUYER, line.replace("2.95", "3.10"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/suppliers/" + s1 + "/items/" + item).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.primary").value(false));
        mvc.perform(get("/api/v1/suppliers/" + s2 + "/items/" + item).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.primary").value(true));

        postJson("/api/v1/suppliers/" + s1 + "/items", Role.BUYER, line)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("item"));

        mvc.perform(delete("/api/v1/items/" + item).with(as(Role.BUYER))).andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/suppliers/" + s1).with(as(Role.BUYER))).andExpect(status().isConflict());
    }

    @Test
    void source_list_lines_are_validated_field_by_field() throws Exception {
        long before = count("supplier_item");
        postJson(
                        "/api/v1/suppliers/" + Fixtures.SUPPLIER_A + "/items",
                        Role.BUYER,
                        "{\"item\":\"NO-SUCH-ITEM\",\"price\":\"1\",\"currency\":\"CNY\",\"leadTimeDays\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("item"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown.item"));
        postJson(
                        "/api/v1/suppliers/" + Fixtures.SUPPLIER_A + "/items",
                        Role.BUYER,
                        "{\"item\":\"X\",\"price\":\"-1\",\"currency\":\"yuan\",\"moq\":0,\"leadTimeDays\":400}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("price")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("currency")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("moq")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("leadTimeDays")));
        postJson(
                        "/api/v1/suppliers",
                        Role.BUYER,
                        "{\"code\":\"" + Fixtures.unique("S") + "\",\"name\":\"x\",\"contactEmail\":\"not-an-email\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contactEmail"));
        assertThat(count("supplier_item")).isEqualTo(before);
    }

    @Test
    void a_supplier_user_sees_only_its_own_supplier_and_source_list() throws Exception {
        String item = Fixtures.unique("ISO");
        postJson("/api/v1/items", Role.BUYER, "{\"code\":\"" + item + "\",\"name\":\"i\",\"uom\":\"PCS\"}")
                .andExpect(status().isCreated());
        postJson(
                        "/api/v1/suppliers/" + Fixtures.SUPPLIER_B + "/items",
                        Role.BUYER,
                        "{\"item\":\"" + item + "\",\"price\":\"1\",\"currency\":\"CNY\",\"leadTimeDays\":3}")
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/suppliers").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].code").value(Fixtures.SUPPLIER_A));
        mvc.perform(get("/api/v1/suppliers/" + Fixtures.SUPPLIER_B).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/suppliers/" + Fixtures.SUPPLIER_B + "/items").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/suppliers/" + Fixtures.SUPPLIER_B + "/items/" + item)
                        .with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/items/" + item).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/items/" + item).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/suppliers/" + Fixtures.SUPPLIER_B)
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"hijacked\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/suppliers/" + Fixtures.SUPPLIER_B + "/items/" + item)
                        .with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/suppliers/" + Fixtures.SUPPLIER_B + "/items/" + item)
                        .with(as(Role.BUYER)))
                .andExpect(status().isOk());
    }
}
