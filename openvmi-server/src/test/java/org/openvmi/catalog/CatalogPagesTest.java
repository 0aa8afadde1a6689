package org.openvmi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The warehouse and supplier pages: forms with field messages, lists, and refusals shown to the user. */
@H2Test
class CatalogPagesTest {

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

    @Test
    void a_warehouse_is_created_through_the_form_and_a_location_added() throws Exception {
        String wh = Fixtures.unique("UIW");
        mvc.perform(post("/warehouses")
                        .with(user("t-warehouse").roles("WAREHOUSE"))
                        .with(csrf())
                        .param("code", wh)
                        .param("name", "北京仓"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/warehouses/" + wh));
        mvc.perform(post("/warehouses/" + wh + "/locations")
                        .with(user("t-warehouse").roles("WAREHOUSE"))
                        .with(csrf())
                        .param("code", wh + "-VMI")
                        .param("type", "VMI"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/warehouses/" + wh)
                        .with(user("t-viewer").roles("VIEWER"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("北京仓")))
                .andExpect(content().string(containsString(wh + "-VMI")))
                .andExpect(content().string(containsString("VMI 寄售区")))
                .andExpect(content().string(not(containsString("id=\"save\""))));
    }

    @Test
    void a_form_with_a_missing_name_shows_the_message_next_to_the_field_and_saves_nothing() throws Exception {
        String code = Fixtures.unique("UIS");
        mvc.perform(post("/suppliers")
                        .with(user("t-buyer").roles("BUYER"))
                        .with(csrf())
                        .param("code", code)
                        .param("name", "")
                        .param("contactEmail", "bad")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("id=\"contactEmail-error\"")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supplier WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_duplicate_code_is_reported_on_the_code_field() throws Exception {
        mvc.perform(post("/suppliers")
                        .with(user("t-buyer").roles("BUYER"))
                        .with(csrf())
                        .param("code", Fixtures.SUPPLIER_A)
                        .param("name", "again"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"code-error\"")))
                .andExpect(content().string(containsString("already exists")));
    }

    @Test
    void the_lists_render_in_english_and_chinese() throws Exception {
        for (String path :
                new String[] {"/items", "/warehouses", "/suppliers", "/suppliers/" + Fixtures.SUPPLIER_A, "/"}) {
            mvc.perform(get(path).with(user("t-admin").roles("ADMIN")).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Suppliers")));
            mvc.perform(get(path).with(user("t-admin").roles("ADMIN")).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("供应商")));
        }
    }

    @Test
    void a_viewer_cannot_post_forms() throws Exception {
        mvc.perform(post("/suppliers")
                        .with(user("t-viewer").roles(Role.VIEWER.name()))
                        .with(csrf())
                        .param("code", Fixtures.unique("V"))
                        .param("name", "n"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/warehouses")
                        .with(user("t-buyer").roles(Role.BUYER.name()))
                        .with(csrf())
                        .param("code", Fixtures.unique("V"))
                        .param("name", "n"))
                .andExpect(status().isForbidden());
    }
}
