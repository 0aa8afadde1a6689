package org.openvmi.integration;

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
        String page = mvc.perform(post("/admin/webhooks")
                        .session(admin)
                        .with(csrf())
                        .locale(Locale.ENGLISH)
                        .param("url", url)
                        .param("eventTypes", "alert.raised")
                        .param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Copy the secret now")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = page.replaceAll("(?s).*<code id=\"secret\">([^<]+)</code>.*", "$1");
        assertThat(secret).startsWith("whsec_");

        mvc.perform(get("/admin/webhooks").session(admin).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(url)))
                .andExpect(content().string(not(containsString(secret))));
        long id = jdbc.sql("SELECT id FROM webhook_subscription WHERE url = :u")
                .param("u", url)
                .query(Long.class)
                .single();
        mvc.perform(get("/admin/webhooks/" + id).session(admin).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("投递记录")));
        mvc.perform(post("/admin/webhooks/" + id + "/delete").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/webhooks"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE id = :id AND deleted_at IS NULL")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_bad_webhook_form_names_the_field() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        mvc.perform(post("/admin/webhooks")
                        .session(admin)
                        .with(csrf())
                        .locale(Locale.ENGLISH)
                        .param("url", "not a url")
                        .param("eventTypes", "alert.raised"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"url-error\"")))
                .andExpect(content().string(not(containsString("id=\"new-secret\""))));
    }

    @Test
    void a_refused_webhook_is_explained_at_its_field_in_chinese_and_keeps_what_was_typed() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        long hooks = jdbc.sql("SELECT COUNT(*) FROM webhook_subscription")
                .query(Long.class)
                .single();
        String page = mvc.perform(post("/admin/webhooks")
                        .session(admin)
                        .with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .param("url", "ftp://erp.example.com/hook")
                        .param("eventTypes", "alert.raised")
                        .param("description", "总部 ERP"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .containsPattern("id=\"url-error\">请填写以 http:// 或 https:// 开头的完整网址<")
                .contains("value=\"ftp://erp.example.com/hook\"")
                .contains("value=\"总部 ERP\"")
                .doesNotContain("must be an absolute")
                .doesNotContain("class=\"flash error\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_subscription")
                        .query(Long.class)
                        .single())
                .isEqualTo(hooks);
    }

    @Test
    void a_webhooks_deliveries_sort_by_each_heading_both_ways() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        String url = "http://127.0.0.1:9/" + Fixtures.unique("sorted");
        mvc.perform(post("/admin/webhooks")
                        .session(admin)
                        .with(csrf())
                        .param("url", url)
                        .param("eventTypes", "alert.raised"))
                .andExpect(status().isOk());
        long hook = jdbc.sql("SELECT id FROM webhook_subscription WHERE url = :u")
                .param("u", url)
                .query(Long.class)
                .single();
        mvc.perform(post("/admin/webhooks/" + hook + "/active")
                .session(admin)
                .with(csrf())
                .param("active", "false"));
        long b = delivery(hook, "b.event", "FAILED", 3, "2026-01-02T00:00:00Z");
        long a = delivery(hook, "a.event", "PENDING", 1, "2026-01-03T00:00:00Z");
        long c = delivery(hook, "c.event", "DELIVERED", 2, "2026-01-01T00:00:00Z");
        java.util.Map<String, java.util.List<Long>> ascending = java.util.Map.of(
                "event",
                java.util.List.of(a, b, c),
                "status",
                java.util.List.of(c, b, a),
                "attempts",
                java.util.List.of(a, c, b),
                "created",
                java.util.List.of(c, b, a));
        for (var heading : ascending.entrySet()) {
            assertThat(deliveryOrder(admin, hook, heading.getKey(), "asc"))
                    .as(heading.getKey())
                    .isEqualTo(heading.getValue());
            assertThat(deliveryOrder(admin, hook, heading.getKey(), "desc"))
                    .as(heading.getKey() + " desc")
                    .isEqualTo(reversed(heading.getValue()));
        }
    }

    private static java.util.List<Long> reversed(java.util.List<Long> ids) {
        java.util.List<Long> copy = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private long delivery(long hook, String event, String status, int attempts, String created) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (delivery_uid, subscription_id, event_type, event_key, payload, status, attempts,
                                              next_attempt_at, created_at)
                VALUES (:uid, :hook, :event, :key, '{}', :status, :attempts, TIMESTAMP WITH TIME ZONE '2099-01-01 00:00:00+00',
                        :created)""")
                .param("uid", java.util.UUID.randomUUID().toString())
                .param("hook", hook)
                .param("event", event)
                .param("key", event + "-" + hook)
                .param("status", status)
                .param("attempts", attempts)
                .param("created", java.time.OffsetDateTime.parse(created))
                .update();
        return jdbc.sql("SELECT id FROM webhook_delivery WHERE subscription_id = :hook AND event_type = :event")
                .param("hook", hook)
                .param("event", event)
                .query(Long.class)
                .single();
    }

    private java.util.List<Long> deliveryOrder(MockHttpSession admin, long hook, String sort, String dir)
            throws Exception {
        String page = mvc.perform(get("/admin/webhooks/" + hook)
                        .param("sort", sort)
                        .param("dir", dir)
                        .session(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return java.util.regex.Pattern.compile("id=\"delivery-(\\d+)\"")
                .matcher(page)
                .results()
                .map(m -> Long.parseLong(m.group(1)))
                .toList();
    }

    @Test
    void the_admin_sees_the_mail_log_and_a_bad_status_filter_shows_all() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        mvc.perform(get("/admin/notifications/mails")
                        .param("status", "FAILED")
                        .session(admin)
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"mail-table\"")));
        mvc.perform(get("/admin/notifications/mails")
                        .param("status", "LOST")
                        .session(admin)
                        .locale(Locale.SIMPLIFIED_CHINESE))
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
        mvc.perform(post("/notifications/preferences")
                        .session(viewer)
                        .with(csrf())
                        .param("emailMode", "DIGEST")
                        .param("alertTypes", "STOCKOUT", "BELOW_SAFETY"))
                .andExpect(redirectedUrl("/notifications/preferences"));
        mvc.perform(get("/api/v1/notifications/preferences").with(asUser("t-viewer")))
                .andExpect(jsonPath("$.emailMode").value("DIGEST"))
                .andExpect(jsonPath("$.alertTypes.length()").value(2))
                .andExpect(jsonPath("$.explicit").value(true));
    }
}
