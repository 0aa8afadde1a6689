package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The user admin pages, through a real form-login session of t-admin. */
@H2Test
class UserAdminPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    private MockHttpSession admin;

    @BeforeEach
    void signIn() throws Exception {
        Fixtures.ensure(jdbc, users);
        admin = UiSessions.login(mvc, "t-admin");
    }

    private MockHttpServletRequestBuilder form(String path) {
        return post(path).session(admin).with(csrf()).param("_roles", "on").param("_enabled", "on");
    }

    private int apiStatus(String username, String password) throws Exception {
        return mvc.perform(get("/api/v1/items").with(httpBasic(username, password)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void the_user_list_shows_every_user_with_roles_supplier_and_status() throws Exception {
        mvc.perform(get("/admin/users").session(admin).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("t-sup-a"),
                                containsString("T-SUP-A"),
                                containsString("Supplier"),
                                containsString("Administrator"),
                                containsString("New user"))));
        mvc.perform(get("/admin/users").session(admin).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(allOf(containsString("新建用户"), containsString("供应商"))));
    }

    @Test
    void an_admin_creates_a_supplier_user_through_the_form_and_it_can_sign_in() throws Exception {
        String username = Fixtures.unique("ui").toLowerCase();
        mvc.perform(form("/admin/users")
                        .locale(Locale.ENGLISH)
                        .param("username", username)
                        .param("displayName", "供应商甲")
                        .param("password", "ui-password-1")
                        .param("roles", "SUPPLIER")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("flash", "User " + username + " created."));

        assertThat(jdbc.sql("SELECT roles || ' ' || supplier_code FROM app_user WHERE username = :u")
                        .param("u", username)
                        .query(String.class)
                        .single())
                .isEqualTo("SUPPLIER T-SUP-A");
        assertThat(UiSessions.login(mvc, username, "ui-password-1")).isNotNull();
    }

    @Test
    void the_form_shows_each_refusal_on_its_field_in_english_and_in_chinese() throws Exception {
        long before =
                jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
        mvc.perform(form("/admin/users")
                        .locale(Locale.ENGLISH)
                        .param("username", "bad name")
                        .param("roles", "SUPPLIER")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(view().name("security/user-form"))
                .andExpect(model().attributeHasFieldErrors("user", "username"))
                .andExpect(model().attributeHasFieldErrorCode("user", "password", "users.error.passwordRequired"))
                .andExpect(model().attributeHasFieldErrorCode("user", "supplier", "users.error.supplierRequired"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Required for the SUPPLIER role."),
                                containsString("A new user needs a password."),
                                containsString("id=\"supplier-error\""))));

        mvc.perform(form("/admin/users")
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .param("username", Fixtures.unique("zh"))
                        .param("password", "long-enough")
                        .param("roles", "BUYER")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("user", "supplier", "users.error.supplierForbidden"))
                .andExpect(content().string(containsString("只有供应商用户才绑定供应商")));

        mvc.perform(form("/admin/users")
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .param("username", Fixtures.unique("zh"))
                        .param("password", "long-enough")
                        .param("roles", "SUPPLIER")
                        .param("supplier", "NO-SUCH")
                        .param("enabled", "true"))
                .andExpect(model().attributeHasFieldErrorCode("user", "supplier", "users.error.supplierUnknown"))
                .andExpect(content().string(containsString("不存在编码为 NO-SUCH 的供应商")));

        mvc.perform(form("/admin/users")
                        .locale(Locale.ENGLISH)
                        .param("username", Fixtures.unique("none"))
                        .param("password", "long-enough")
                        .param("enabled", "true"))
                .andExpect(model().attributeHasFieldErrors("user", "roles"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void the_form_sets_a_users_time_zone_and_refuses_an_unknown_one_on_its_field_in_chinese() throws Exception {
        String username = Fixtures.unique("tz").toLowerCase();
        mvc.perform(form("/admin/users")
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .param("username", username)
                        .param("password", "long-enough")
                        .param("roles", "BUYER")
                        .param("enabled", "true")
                        .param("timeZone", "Mars/Olympus"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("user", "timeZone"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"timeZone-error\""), containsString("“Mars/Olympus”不是有效的时区"))));
        mvc.perform(form("/admin/users")
                        .param("username", username)
                        .param("password", "long-enough")
                        .param("roles", "BUYER")
                        .param("enabled", "true")
                        .param("timeZone", "Europe/Berlin"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/admin/users/" + username + "/edit").session(admin).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(
                        content().string(allOf(containsString("value=\"Europe/Berlin\""), containsString("用户页面时区"))));
        mvc.perform(form("/admin/users/" + username)
                        .param("roles", "BUYER")
                        .param("enabled", "true")
                        .param("timeZone", ""))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(users.timeZone(username)).isEmpty();
    }

    @Test
    void a_taken_username_is_shown_on_the_username_field() throws Exception {
        mvc.perform(form("/admin/users")
                        .locale(Locale.ENGLISH)
                        .param("username", "t-buyer")
                        .param("password", "long-enough")
                        .param("roles", "VIEWER")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("user", "username", "users.error.duplicate"))
                .andExpect(content().string(containsString("User name t-buyer is already taken.")));
        assertThat(jdbc.sql("SELECT roles FROM app_user WHERE username = 't-buyer'")
                        .query(String.class)
                        .single())
                .isEqualTo("BUYER");
    }

    @Test
    void editing_a_user_disables_it_resets_its_password_and_enables_it_again_without_touching_the_password()
            throws Exception {
        String username = Fixtures.unique("edit").toLowerCase();
        mvc.perform(form("/admin/users")
                        .param("username", username)
                        .param("password", "first-pass-1")
                        .param("roles", "BUYER")
                        .param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/users"));

        mvc.perform(get("/admin/users/" + username + "/edit").session(admin).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("readonly"),
                                containsString("value=\"" + username + "\""),
                                containsString("Leave empty to keep the current password"))));

        mvc.perform(form("/admin/users/" + username)
                        .locale(Locale.ENGLISH)
                        .param("password", "second-pass-2")
                        .param("roles", "BUYER"))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("flash", "User " + username + " saved; the password was reset."));
        assertThat(apiStatus(username, "second-pass-2")).as("disabled").isEqualTo(401);
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE username = :u")
                        .param("u", username)
                        .query(Boolean.class)
                        .single())
                .isFalse();

        mvc.perform(form("/admin/users/" + username).param("roles", "BUYER").param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(apiStatus(username, "first-pass-1")).isEqualTo(401);
        assertThat(apiStatus(username, "second-pass-2")).isEqualTo(200);
    }

    @Test
    void an_unknown_user_edit_page_goes_back_to_the_list_with_a_message() throws Exception {
        mvc.perform(get("/admin/users/no-such-user/edit").session(admin).locale(Locale.ENGLISH))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("flashError", "User no-such-user does not exist."));
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused_and_creates_nothing() throws Exception {
        String username = Fixtures.unique("csrf").toLowerCase();
        mvc.perform(post("/admin/users")
                        .session(admin)
                        .param("username", username)
                        .param("password", "long-enough")
                        .param("roles", "ADMIN")
                        .param("enabled", "true"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_rendered_form_carries_a_csrf_token() throws Exception {
        mvc.perform(get("/admin/users/new").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"_csrf\""), not(containsString("??")))));
    }
}
