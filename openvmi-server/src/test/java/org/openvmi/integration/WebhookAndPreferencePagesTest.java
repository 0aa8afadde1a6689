package org.openvmi.integration;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The webhook admin pages and the preferences page, through a real form-login session. */
@H2Test
class WebhookAndPreferencePagesTest {

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
    void an_admin_registers_a_webhook_sees_its_secret_once_and_then_its_empty_delivery_log() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        String url = "http://127.0.0.1:9/" + Fixtures.unique("hook");
        String page = mvc.perform(post("/admin/webhooks").session(admin).with(csrf()).locale(Locale.ENGLISH)
                        .param("url", url).param("eventTypes", "alert.raised").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Copy the secret now")))
                .andReturn().getResponse().getContentAsString();
        String secret = page.replaceAll("(?s).*<code id=\"secret\">([^<]+)</code>.*", "$1");
        assertThat(secret).startsWith("whsec_");

        mvc.perform(get("/admin/webhooks").session(admin).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(url)))
                .andExpect(content().string(not(containsString(secret))));
        long id = jdbc.sql("SELECT id FROM webhook_subscription WHERE url = :u").param("u", url).query(Long.class).single();
        mvc.perform(get("/admin/webhooks/" + id).session(admin).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("投递记录")));
        mvc.perform(post("/admin/webhooks/" + id + "/delete").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/webhooks"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_bad_webhook_form_names_the_field() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        mvc.perform(post("/admin/webhooks").session(admin).with(csrf()).locale(Locale.ENGLISH)
                        .param("url", "not a url").param("eventTypes", "alert.raised"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"url-error\"")))
                .andExpect(content().string(not(containsString("id=\"new-secret\""))));
    }

    @Test
    void the_admin_sees_the_mail_log_and_a_bad_status_filter_shows_all() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        mvc.perform(get("/admin/notifications/mails").param("status", "FAILED").session(admin).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"mail-table\"")));
        mvc.perform(get("/admin/notifications/mails").param("status", "LOST").session(admin).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("邮件记录")));
    }

    @Test
    void a_user_saves_its_preferences_on_the_page() throws Exception {
        MockHttpSession viewer = UiSessions.login(mvc, "t-viewer");
        mvc.perform(get("/notifications/preferences").session(viewer).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("通知设置")))
                .andExpect(content().string(containsString("id=\"defaults-note\"")));
        mvc.perform(post("/notifications/preferences").session(viewer).with(csrf())
                        .param("emailMode", "DIGEST").param("alertTypes", "STOCKOUT", "BELOW_SAFETY"))
                .andExpect(redirectedUrl("/notifications/preferences"));
        mvc.perform(get("/api/v1/notifications/preferences").with(asUser("t-viewer")))
                .andExpect(jsonPath("$.emailMode").value("DIGEST"))
                .andExpect(jsonPath("$.alertTypes.length()").value(2))
                .andExpect(jsonPath("$.explicit").value(true));
    }
}
