package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.shared.NotFoundException;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Invariant 5: nothing a supplier user reads or writes belongs to another supplier. Items are visible to a supplier
 * user only when they are on its supplier's source list (supplier_item rows, inserted here with SQL).
 */
@H2Test
class SupplierIsolationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    UserDetailsService userDetails;

    private String prefix;
    private String onlyA;
    private String onlyB;
    private String both;
    private String nobodys;
    private MockHttpSession supplierA;

    private final RequestPostProcessor supA = asUser(Fixtures.SUPPLIER_USER_A);

    @BeforeEach
    void items() throws Exception {
        Fixtures.ensure(jdbc, users);
        prefix = Fixtures.unique("ISO");
        onlyA = item("A", Fixtures.SUPPLIER_A);
        onlyB = item("B", Fixtures.SUPPLIER_B);
        both = item("AB", Fixtures.SUPPLIER_A, Fixtures.SUPPLIER_B);
        nobodys = item("N");
        supplierA = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String item(String suffix, String... suppliers) {
        String code = prefix + "-" + suffix;
        jdbc.sql("INSERT INTO item (code, name, uom) VALUES (:c, :n, 'PCS')")
                .param("c", code)
                .param("n", "name of " + code)
                .update();
        jdbc.sql("INSERT INTO item_barcode (barcode, item_id) VALUES (:b, (SELECT id FROM item WHERE code = :c))")
                .param("b", "BC" + code)
                .param("c", code)
                .update();
        for (String supplier : suppliers) {
            jdbc.sql("""
                    INSERT INTO supplier_item (supplier_id, item_id, price, currency, lead_time_days)
                    VALUES ((SELECT id FROM supplier WHERE code = :s), (SELECT id FROM item WHERE code = :i), 1, 'CNY', 7)""").param("s", supplier).param("i", code).update();
        }
        return code;
    }

    private List<String> listedCodes(RequestPostProcessor caller) throws Exception {
        String json = mvc.perform(get("/api/v1/items").param("q", prefix).with(caller))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.content[*].code");
    }

    private String itemsSnapshot() {
        return String.join(
                ";",
                jdbc.sql("SELECT code || '|' || name || '|' || version FROM item WHERE code LIKE :p ORDER BY code")
                        .param("p", prefix + "%")
                        .query(String.class)
                        .list());
    }

    @Test
    void a_supplier_user_lists_only_the_items_on_its_own_source_list() throws Exception {
        assertThat(listedCodes(supA)).containsExactly(onlyA, both);
        assertThat(listedCodes(asUser(Fixtures.SUPPLIER_USER_B))).containsExactly(both, onlyB);
        assertThat(listedCodes(as(Role.VIEWER))).containsExactly(onlyA, both, onlyB, nobodys);
        mvc.perform(get("/api/v1/items").param("q", prefix).with(supA))
                .andExpect(content().string(not(containsString("name of " + onlyB))));
    }

    @Test
    void a_supplier_user_gets_404_for_an_item_that_only_another_supplier_supplies() throws Exception {
        mvc.perform(get("/api/v1/items/" + onlyB).with(supA))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("name of"))));
        mvc.perform(get("/api/v1/items/" + nobodys).with(supA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/items/" + onlyA).with(supA)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/items/" + both).with(supA)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/items/" + onlyB).with(as(Role.VIEWER))).andExpect(status().isOk());
    }

    @Test
    void every_write_of_a_supplier_user_is_refused_with_403_and_changes_nothing() throws Exception {
        String before = itemsSnapshot();
        String json = "{\"code\":\"" + prefix + "-NEW\",\"name\":\"mine now\",\"uom\":\"PCS\"}";
        mvc.perform(post("/api/v1/items")
                        .with(supA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isForbidden());
        for (String code : List.of(onlyA, onlyB)) {
            mvc.perform(put("/api/v1/items/" + code)
                            .with(supA)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"mine now\",\"uom\":\"PCS\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(delete("/api/v1/items/" + code).with(supA)).andExpect(status().isForbidden());
            mvc.perform(post("/items/" + code)
                            .session(supplierA)
                            .with(csrf())
                            .param("name", "mine now")
                            .param("uom", "PCS"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/items/" + code + "/delete").session(supplierA).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/items")
                        .session(supplierA)
                        .with(csrf())
                        .param("code", prefix + "-NEW")
                        .param("name", "x")
                        .param("uom", "PCS"))
                .andExpect(status().isForbidden());
        assertThat(itemsSnapshot()).isEqualTo(before);
    }

    @Test
    void a_supplier_user_may_open_no_administration_page_or_endpoint() throws Exception {
        for (String page : List.of(
                "/admin/users", "/admin/users/new", "/admin/users/t-admin/edit", "/admin/api-keys", "/admin/audit")) {
            mvc.perform(get(page).session(supplierA)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/users")
                        .session(supplierA)
                        .with(csrf())
                        .param("username", "evil")
                        .param("password", "long-enough")
                        .param("roles", "ADMIN"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/api-keys")
                        .session(supplierA)
                        .with(csrf())
                        .param("name", "evil")
                        .param("username", "t-admin"))
                .andExpect(status().isForbidden());
        for (String path : List.of("/api/v1/users", "/api/v1/api-keys", "/api/v1/audit", "/api/v1/users/t-sup-a")) {
            mvc.perform(get(path).with(supA)).andExpect(status().isForbidden());
        }
        mvc.perform(put("/api/v1/users/t-sup-a")
                        .with(supA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"SUPPLIER\"],\"supplier\":\"T-SUP-B\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT supplier_code FROM app_user WHERE username = 't-sup-a'")
                        .query(String.class)
                        .single())
                .isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'evil'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_item_pages_of_a_supplier_user_show_only_its_own_items() throws Exception {
        mvc.perform(get("/items").param("q", prefix).session(supplierA))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(onlyA),
                                containsString(both),
                                not(containsString(onlyB)),
                                not(containsString(nobodys)))));
        mvc.perform(get("/items/" + onlyA + "/edit").session(supplierA)).andExpect(status().isForbidden());
    }

    @Test
    void a_barcode_resolves_only_to_an_item_the_supplier_user_may_see() {
        SecurityContextHolder.getContext().setAuthentication(authenticated(Fixtures.SUPPLIER_USER_A));
        assertThat(items.resolveCode("BC" + onlyA)).isEqualTo(onlyA);
        assertThat(items.resolveCode(both)).isEqualTo(both);
        assertThatThrownBy(() -> items.resolveCode("BC" + onlyB)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> items.resolveCode(onlyB)).isInstanceOf(NotFoundException.class);

        SecurityContextHolder.getContext().setAuthentication(authenticated("t-buyer"));
        assertThat(items.resolveCode("BC" + onlyB)).isEqualTo(onlyB);
    }

    private UsernamePasswordAuthenticationToken authenticated(String username) {
        OpenVmiUser user = ((OpenVmiUser) userDetails.loadUserByUsername(username)).withoutPassword();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
