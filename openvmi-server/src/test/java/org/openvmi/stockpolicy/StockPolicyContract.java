package org.openvmi.stockpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Stock policies (three lines) through the API and the planner's write path; run on H2 and PostgreSQL. */
abstract class StockPolicyContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    StockPolicies policies;

    String item;
    String otherItem;
    String wh;

    @BeforeEach
    void fixtures() throws Exception {
        Fixtures.ensure(jdbc, users);
        item = Fixtures.unique("SP");
        otherItem = Fixtures.unique("SPO");
        wh = Fixtures.unique("SPW");
        send(post("/api/v1/items"), Role.ADMIN, "{\"code\":\"" + item + "\",\"name\":\"轴承\",\"uom\":\"PCS\"}")
                .andExpect(status().isCreated());
        send(post("/api/v1/items"), Role.ADMIN, "{\"code\":\"" + otherItem + "\",\"name\":\"螺栓\",\"uom\":\"PCS\"}")
                .andExpect(status().isCreated());
        send(post("/api/v1/warehouses"), Role.ADMIN, "{\"code\":\"" + wh + "\",\"name\":\"仓\"}")
                .andExpect(status().isCreated());
        send(
                        post("/api/v1/suppliers/" + Fixtures.SUPPLIER_A + "/items"),
                        Role.ADMIN,
                        "{\"item\":\"" + item + "\",\"price\":2.5,\"leadTimeDays\":7}")
                .andExpect(status().isCreated());
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Role role, String json)
            throws Exception {
        return send(request, as(role), json);
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor who,
            String json)
            throws Exception {
        return mvc.perform(
                request.with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String path(String code) {
        return "/api/v1/stock-policies/" + code + "/" + wh;
    }

    private long policyRows() {
        return jdbc.sql("SELECT COUNT(*) FROM stock_policy").query(Long.class).single();
    }

    @Test
    void a_planner_sets_the_three_lines_and_everyone_reads_them() throws Exception {
        send(
                        put(path(item)),
                        Role.PLANNER,
                        "{\"safety\":20,\"warning\":50,\"max\":200,\"serviceLevel\":0.95,\"mode\":\"MANUAL\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item").value(item))
                .andExpect(jsonPath("$.location").value(wh))
                .andExpect(jsonPath("$.safety").value(20))
                .andExpect(jsonPath("$.warning").value(50))
                .andExpect(jsonPath("$.max").value(200))
                .andExpect(jsonPath("$.serviceLevel").value(0.95))
                .andExpect(jsonPath("$.mode").value("MANUAL"))
                .andExpect(jsonPath("$.unit").value("PCS"))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get(path(item)).with(as(Role.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updatedBy").value("t-planner"));
        mvc.perform(get("/api/v1/stock-policies").param("location", wh).with(as(Role.WAREHOUSE)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].item").value(item));

        send(
                        put(path(item)),
                        Role.BUYER,
                        "{\"safety\":25,\"warning\":60,\"max\":240,\"mode\":\"DYNAMIC\",\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.mode").value("DYNAMIC"));
        // the same lines again change nothing: no new version
        send(put(path(item)), Role.BUYER, "{\"safety\":25,\"warning\":60,\"max\":240,\"mode\":\"DYNAMIC\"}")
                .andExpect(jsonPath("$.version").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'stock-policy' AND entity_key = :k")
                        .param("k", item + "/" + wh)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Autowired
    org.openvmi.stockpolicy.internal.StockPolicyRepository repository;

    /** ADR 0052: codes come from catalog after paging; the order by item or warehouse code is still SQL's. */
    @Test
    void pages_sorted_by_a_catalog_code_keep_their_order_and_filters() throws Exception {
        String wh2 = Fixtures.unique("SPV");
        send(post("/api/v1/warehouses"), Role.ADMIN, "{\"code\":\"" + wh2 + "\",\"name\":\"仓二\"}")
                .andExpect(status().isCreated());
        String lines = "{\"safety\":1,\"warning\":2,\"max\":3,\"mode\":\"MANUAL\"}";
        send(put(path(otherItem)), Role.PLANNER, lines).andExpect(status().isOk());
        send(put(path(item)), Role.PLANNER, lines).andExpect(status().isOk());
        send(put("/api/v1/stock-policies/" + item + "/" + wh2), Role.PLANNER, lines)
                .andExpect(status().isOk());

        List<String> sorted =
                java.util.stream.Stream.of(item, otherItem).sorted().toList();
        for (String dir : List.of("asc", "desc")) {
            List<String> expected = dir.equals("asc") ? sorted : List.of(sorted.get(1), sorted.get(0));
            List<String> seen = new java.util.ArrayList<>();
            for (int page = 0; page < 2; page++) {
                var result = repository.find(
                        new org.openvmi.stockpolicy.internal.StockPolicyRepository.Filter(wh, null, null),
                        org.openvmi.shared.PageRequest.of(page, 1).sorted("item", dir),
                        org.openvmi.shared.PartyScope.ALL);
                assertThat(result.totalElements()).isEqualTo(2);
                result.content().forEach(v -> seen.add(v.item()));
            }
            assertThat(seen).isEqualTo(expected);
        }
        // the default order: warehouse code, then item code; the text filter matches the item's code or name
        var byText = repository.find(
                new org.openvmi.stockpolicy.internal.StockPolicyRepository.Filter(null, item.toLowerCase(), null),
                org.openvmi.shared.PageRequest.of(0, 10),
                org.openvmi.shared.PartyScope.ALL);
        assertThat(byText.content())
                .extracting(StockPolicyView::location)
                .isEqualTo(java.util.stream.Stream.of(wh, wh2).sorted().toList());
        assertThat(byText.content()).extracting(StockPolicyView::itemName).containsOnly("轴承");
        assertThat(repository
                        .find(
                                new org.openvmi.stockpolicy.internal.StockPolicyRepository.Filter(wh2, "轴", null),
                                org.openvmi.shared.PageRequest.of(0, 10),
                                org.openvmi.shared.PartyScope.ALL)
                        .content())
                .extracting(StockPolicyView::item)
                .containsExactly(item);
    }

    @Test
    void lines_out_of_order_or_negative_are_refused_naming_the_field_and_nothing_changes() throws Exception {
        long before = policyRows();
        send(put(path(item)), Role.ADMIN, "{\"safety\":60,\"warning\":50,\"max\":200}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("safety"))
                .andExpect(jsonPath("$.errors[0].message", containsString("warning")));
        send(put(path(item)), Role.ADMIN, "{\"safety\":10,\"warning\":50,\"max\":40}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("warning"));
        send(put(path(item)), Role.ADMIN, "{\"safety\":-1,\"warning\":50,\"max\":100}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("safety")));
        send(put(path(item)), Role.ADMIN, "{\"warning\":50,\"max\":100}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("safety")));
        send(put(path(item)), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":3,\"serviceLevel\":1.2}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("serviceLevel")));
        send(put("/api/v1/stock-policies/NO-SUCH-ITEM/" + wh), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("item"));
        send(
                        put("/api/v1/stock-policies/" + item + "/NO-SUCH-WH"),
                        Role.ADMIN,
                        "{\"safety\":1,\"warning\":2,\"max\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"));
        assertThat(policyRows()).isEqualTo(before);
        mvc.perform(get(path(item)).with(as(Role.ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void a_stale_version_is_refused_with_409() throws Exception {
        send(put(path(item)), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":3}")
                .andExpect(status().isOk());
        send(put(path(item)), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":4,\"version\":0}")
                .andExpect(status().isOk());
        send(put(path(item)), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":5,\"version\":0}")
                .andExpect(status().isConflict());
        mvc.perform(get(path(item)).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.max").value(4));
    }

    @Test
    void a_bulk_save_with_one_bad_row_saves_nothing_and_names_the_row() throws Exception {
        send(
                        put("/api/v1/stock-policies"),
                        Role.PLANNER,
                        "[" + "{\"item\":\""
                                + item + "\",\"location\":\"" + wh + "\",\"safety\":1,\"warning\":2,\"max\":3},"
                                + "{\"item\":\""
                                + otherItem + "\",\"location\":\"" + wh + "\",\"safety\":5,\"warning\":2,\"max\":3}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[1].safety"));
        mvc.perform(get(path(item)).with(as(Role.ADMIN))).andExpect(status().isNotFound());

        send(
                        put("/api/v1/stock-policies"),
                        Role.PLANNER,
                        "[" + "{\"item\":\""
                                + item + "\",\"location\":\"" + wh + "\",\"safety\":1,\"warning\":2,\"max\":3},"
                                + "{\"item\":\""
                                + otherItem + "\",\"location\":\"" + wh + "\",\"safety\":1,\"warning\":2,\"max\":3}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void planned_lines_change_dynamic_policies_create_missing_ones_and_leave_manual_ones_alone() throws Exception {
        send(put(path(item)), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":3,\"mode\":\"MANUAL\"}")
                .andExpect(status().isOk());
        long itemId = id("item", item);
        long otherId = id("item", otherItem);
        long whId = id("warehouse", wh);
        int changed = asSystem(() -> policies.applyPlanned(List.of(
                new PlannedLevels(
                        itemId,
                        whId,
                        new BigDecimal("7"),
                        new BigDecimal("30"),
                        new BigDecimal("90"),
                        new BigDecimal("0.95")),
                new PlannedLevels(
                        otherId,
                        whId,
                        new BigDecimal("4.5"),
                        new BigDecimal("12"),
                        new BigDecimal("40"),
                        new BigDecimal("0.9")))));
        assertThat(changed).isEqualTo(1);
        mvc.perform(get(path(item)).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.max").value(3));
        mvc.perform(get(path(otherItem)).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.mode").value("DYNAMIC"))
                .andExpect(jsonPath("$.safety").value(4.5))
                .andExpect(jsonPath("$.max").value(40))
                .andExpect(jsonPath("$.plannedAt").isNotEmpty());

        int again = asSystem(() -> policies.applyPlanned(List.of(new PlannedLevels(
                otherId, whId, new BigDecimal("5"), new BigDecimal("13"), new BigDecimal("41"), null))));
        assertThat(again).isEqualTo(1);
        mvc.perform(get(path(otherItem)).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.warning").value(13));
        assertThatThrownBy(() -> asSystem(() -> policies.applyPlanned(List.of(new PlannedLevels(
                        otherId, whId, new BigDecimal("50"), new BigDecimal("13"), new BigDecimal("41"), null)))))
                .isInstanceOf(IllegalArgumentException.class);
        mvc.perform(get(path(otherItem)).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.safety").value(5));
    }

    @Test
    void a_supplier_sees_lines_of_its_own_items_only_and_cannot_change_them() throws Exception {
        send(put(path(item)), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":3}")
                .andExpect(status().isOk());
        send(put(path(otherItem)), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":3}")
                .andExpect(status().isOk());
        mvc.perform(get(path(item)).with(asUser(Fixtures.SUPPLIER_USER_A))).andExpect(status().isOk());
        mvc.perform(get(path(otherItem)).with(asUser(Fixtures.SUPPLIER_USER_A))).andExpect(status().isNotFound());
        mvc.perform(get(path(item)).with(asUser(Fixtures.SUPPLIER_USER_B))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stock-policies").param("location", wh).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].item").value(item));
        send(put(path(item)), asUser(Fixtures.SUPPLIER_USER_A), "{\"safety\":1,\"warning\":2,\"max\":9}")
                .andExpect(status().isForbidden());
        String export = mvc.perform(get("/api/v1/exports/stock-policies")
                        .param("format", "csv")
                        .with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).contains(item).doesNotContain(otherItem);
    }

    @Test
    void an_import_with_bad_rows_lists_them_and_writes_nothing_then_the_fixed_file_imports() throws Exception {
        String header = "item,location,safety,warning,max,serviceLevel,mode";
        String bad = header + "\n" + item + "," + wh + ",10,20,30,0.95,MANUAL\n"
                + otherItem + "," + wh + ",40,20,30,,\n"
                + "NO-SUCH," + wh + ",1,2,3,,\n"
                + item + ",NO-WH,1,2,x,,DYNAMIC\n";
        long before = policyRows();
        importCsv(bad)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", hasItem(3)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(4)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(5)));
        assertThat(policyRows()).isEqualTo(before);

        String good =
                header + "\n" + item + "," + wh + ",10,20,30,0.95,MANUAL\n" + otherItem + "," + wh + ",4,20,30,,\n";
        importCsv(good)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        mvc.perform(get(path(otherItem)).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.safety").value(4))
                .andExpect(jsonPath("$.mode").value("MANUAL"));
    }

    @Test
    void deleting_a_policy_removes_it() throws Exception {
        send(put(path(item)), Role.ADMIN, "{\"safety\":1,\"warning\":2,\"max\":3}")
                .andExpect(status().isOk());
        mvc.perform(delete(path(item)).with(as(Role.BUYER))).andExpect(status().isNoContent());
        mvc.perform(get(path(item)).with(as(Role.ADMIN))).andExpect(status().isNotFound());
    }

    private ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/stock-policies")
                .file(new MockMultipartFile("file", "policies.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(as(Role.PLANNER)));
    }

    private long id(String table, String code) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private static <T> T asSystem(java.util.function.Supplier<T> action) {
        return action.get();
    }
}
