package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.MvcResult;

/** The API key admin page: create (secret shown once), list, revoke. */
@H2Test
class ApiKeyAdminPagesTest {

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

    private ApiKeys.CreatedKey create(String name, String owner, Locale locale, String... expectedTexts)
            throws Exception {
        MvcResult result = mvc.perform(post("/admin/api-keys")
                        .session(admin)
                        .with(csrf())
                        .locale(locale)
                        .param("name", name)
                        .param("username", owner))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("created"))
                .andReturn();
        ApiKeys.CreatedKey created =
                (ApiKeys.CreatedKey) result.getModelAndView().getModel().get("created");
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains(created.secret());
        for (String text : expectedTexts) {
            assertThat(page).contains(text);
        }
        return created;
    }

    @Test
    void a_new_key_shows_its_secret_once_with_a_copy_it_now_note_and_then_only_its_prefix() throws Exception {
        String name = Fixtures.unique("ERP");
        ApiKeys.CreatedKey created = create(name, "t-buyer", Locale.ENGLISH, "Copy it now, it is not shown again.");
        assertThat(created.key().username()).isEqualTo("t-buyer");

        mvc.perform(get("/api/v1/items").header("X-API-Key", created.secret())).andExpect(status().isOk());

        mvc.perform(get("/admin/api-keys").session(admin).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(name),
                                containsString(created.key().prefix()),
                                containsString("t-buyer"),
                                containsString("by t-admin"),
                                containsString("Active"),
                                not(containsString(created.secret())),
                                not(containsString("Copy it now")))));

        create(Fixtures.unique("WMS"), "t-warehouse", Locale.SIMPLIFIED_CHINESE, "请立即复制，此密钥不会再次显示。");
    }

    @Test
    void a_refused_key_is_explained_at_its_field_in_chinese_and_keeps_what_was_typed() throws Exception {
        long keys = jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
        String name = "库存同步" + "x".repeat(100);
        String page = mvc.perform(post("/admin/api-keys")
                        .session(admin)
                        .with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .param("name", name)
                        .param("username", "t-buyer")
                        .param("scopes", "STOCK_READ"))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("created"))
                .andExpect(model().attributeHasFieldErrorCode("newKey", "name", "domain.atMostChars"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"name-error\">最多 100 个字符<")
                .contains("value=\"" + name + "\"")
                .containsPattern("<option value=\"t-buyer\"[^>]*selected");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single())
                .isEqualTo(keys);
    }

    @Test
    void a_key_without_a_name_or_an_owner_is_refused_on_those_fields() throws Exception {
        long keys = jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
        mvc.perform(post("/admin/api-keys")
                        .session(admin)
                        .with(csrf())
                        .locale(Locale.ENGLISH)
                        .param("name", " ")
                        .param("username", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("created"))
                .andExpect(model().attributeHasFieldErrorCode("newKey", "name", "apiKeys.error.nameRequired"))
                .andExpect(model().attributeHasFieldErrorCode("newKey", "username", "apiKeys.error.ownerRequired"))
                .andExpect(content().string(containsString("Give the key a name.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single())
                .isEqualTo(keys);
    }

    @Test
    void revoking_on_the_page_stops_the_key_and_both_steps_are_audited() throws Exception {
        ApiKeys.CreatedKey created = create(Fixtures.unique("POS"), "t-viewer", Locale.ENGLISH);
        long id = created.key().id();

        mvc.perform(post("/admin/api-keys/" + id + "/revoke")
                        .session(admin)
                        .with(csrf())
                        .locale(Locale.ENGLISH))
                .andExpect(redirectedUrl("/admin/api-keys"))
                .andExpect(flash().attribute(
                                "flash",
                                "Key " + created.key().name() + " ("
                                        + created.key().prefix() + "…) revoked."));
        mvc.perform(get("/api/v1/items").header("X-API-Key", created.secret())).andExpect(status().isUnauthorized());

        String row = mvc.perform(get("/admin/api-keys").session(admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String keyRow = row.substring(row.indexOf("id=\"key-" + id + "\""));
        keyRow = keyRow.substring(0, keyRow.indexOf("</tr>"));
        assertThat(keyRow).doesNotContain("/revoke").doesNotContain("Active");

        assertThat(jdbc.sql(
                                "SELECT actor || ':' || action FROM audit_log WHERE entity = 'api-key' AND entity_key = :k ORDER BY id")
                        .param("k", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("t-admin:CREATE", "t-admin:REVOKE");
    }

    @Test
    void revoking_an_unknown_key_says_so() throws Exception {
        mvc.perform(post("/admin/api-keys/999999999/revoke")
                        .session(admin)
                        .with(csrf())
                        .locale(Locale.ENGLISH))
                .andExpect(redirectedUrl("/admin/api-keys"))
                .andExpect(flash().attribute("flashError", "API key 999999999 does not exist."));
    }
}
