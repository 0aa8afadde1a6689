package org.openvmi.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The channel create and edit form: the allocation rule saved as typed, refusals at their fields in Chinese and in
 * English (no English on the Chinese page), and an edit form sent back unchanged changes nothing.
 */
@H2Test
class ChannelFormTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    final String warehouse = Fixtures.unique("FW");

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.ensure(jdbc, users);
        mvc.perform(post("/warehouses")
                .with(user("t-admin").roles("ADMIN"))
                .with(csrf())
                .param("code", warehouse)
                .param("name", "渠道仓"));
    }

    @Test
    void a_channel_is_created_and_edited_through_the_form_and_saving_it_unchanged_changes_nothing() throws Exception {
        String code = Fixtures.unique("FC");
        MockHttpServletResponse created = send(
                post("/channels"),
                Locale.ENGLISH,
                Map.of(
                        "code",
                        code,
                        "name",
                        "Marketplace",
                        "priority",
                        "2",
                        "warehouses",
                        warehouse,
                        "percentage",
                        "20",
                        "fixedQuota",
                        "",
                        "safetyBuffer",
                        "1.5",
                        "pauseBelow",
                        "4",
                        "status",
                        "ACTIVE"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        assertThat(created.getRedirectedUrl()).isEqualTo("/channels");

        Document form = page(get("/channels/" + code + "/edit"), Locale.SIMPLIFIED_CHINESE);
        assertThat(form.selectFirst("h1").text()).isEqualTo("编辑渠道 " + code);
        Map<String, String> values = fields(form);
        assertThat(values)
                .containsEntry("name", "Marketplace")
                .containsEntry("priority", "2")
                .containsEntry("warehouses", warehouse)
                .containsEntry("percentage", "20")
                .containsEntry("fixedQuota", "")
                .containsEntry("safetyBuffer", "1.5")
                .containsEntry("pauseBelow", "4")
                .containsEntry("status", "ACTIVE");
        String before = row(code);

        // sent back exactly as shown: nothing written
        MockHttpServletResponse unchanged = send(post("/channels/" + code), Locale.SIMPLIFIED_CHINESE, values);
        assertThat(unchanged.getStatus()).as(unchanged.getContentAsString()).isEqualTo(302);
        assertThat(row(code)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM channel_pause_log l JOIN channel c ON c.id = l.channel_id "
                                + "WHERE c.code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();

        // a change of share: the percentage emptied, a fixed quota typed
        values.put("percentage", "");
        values.put("fixedQuota", "7");
        assertThat(send(post("/channels/" + code), Locale.ENGLISH, values).getStatus())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT fixed_quota FROM channel WHERE code = :c")
                        .param("c", code)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("7");
        assertThat(row(code)).isNotEqualTo(before);
    }

    @Test
    void refusals_are_shown_at_their_fields_in_chinese_and_in_english_and_nothing_is_saved() throws Exception {
        String code = Fixtures.unique("FC");
        Map<String, String> bad = Map.of(
                "code",
                code,
                "name",
                "",
                "priority",
                "0",
                "warehouses",
                "NO-SUCH-WH",
                "percentage",
                "30",
                "fixedQuota",
                "5",
                "safetyBuffer",
                "-1",
                "pauseBelow",
                "abc",
                "status",
                "ACTIVE");
        Document zh = Document.parse(
                send(post("/channels"), Locale.SIMPLIFIED_CHINESE, bad).getContentAsString());
        assertThat(zh.selectFirst("#pauseBelow-error").text()).isEqualTo("请输入数字");
        Document zhAfterParse =
                Document.parse(send(post("/channels"), Locale.SIMPLIFIED_CHINESE, with(bad, "pauseBelow", ""))
                        .getContentAsString());
        assertThat(zhAfterParse.selectFirst("#name-error").text()).isEqualTo("请填写此项");
        assertThat(zhAfterParse.selectFirst("#priority-error").text()).isEqualTo("必须介于 1 与 1000 之间");
        assertThat(zhAfterParse.selectFirst("#warehouses-error").text()).isEqualTo("仓库“NO-SUCH-WH”不存在");
        assertThat(zhAfterParse.selectFirst("#fixedQuota-error").text()).isEqualTo("百分比与固定配额只能填一项");
        assertThat(zhAfterParse.selectFirst("#safetyBuffer-error").text()).isEqualTo("不能为负数");
        assertThat(zhAfterParse.errors())
                .allSatisfy(e -> assertThat(e.replace("NO-SUCH-WH", "")).doesNotContainPattern("[A-Za-z]{3,}"));

        Document en = Document.parse(send(post("/channels"), Locale.ENGLISH, with(bad, "pauseBelow", ""))
                .getContentAsString());
        assertThat(en.selectFirst("#name-error").text()).isEqualTo("Please fill in this field");
        assertThat(en.selectFirst("#fixedQuota-error").text())
                .isEqualTo("Give a percentage or a fixed quota, not both");
        assertThat(en.selectFirst("#safetyBuffer-error").text()).isEqualTo("Must not be negative");
        assertThat(en.selectFirst("#warehouses-error").text()).isEqualTo("There is no warehouse 'NO-SUCH-WH'");
        assertThat(fields(en)).containsEntry("percentage", "30").containsEntry("warehouses", "NO-SUCH-WH");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM channel WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void only_admins_and_buyers_get_the_form_and_its_link() throws Exception {
        Document buyer = page(get("/channels"), Locale.ENGLISH);
        assertThat(buyer.getElementById("channel-new")).isNotNull();
        MockHttpServletResponse viewer = mvc.perform(
                        get("/channels").with(user("t-viewer").roles("VIEWER")))
                .andReturn()
                .getResponse();
        assertThat(Document.parse(viewer.getContentAsString()).getElementById("channel-new"))
                .isNull();
        assertThat(mvc.perform(get("/channels/new").with(user("t-warehouse").roles("WAREHOUSE")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    // --- helpers

    private static Map<String, String> with(Map<String, String> values, String field, String value) {
        Map<String, String> copy = new java.util.TreeMap<>(values);
        copy.put(field, value);
        return copy;
    }

    private String row(String code) {
        return jdbc.sql("SELECT name, priority, percentage, fixed_quota, safety_buffer, pause_below, status, version, "
                        + "updated_by, updated_at FROM channel WHERE code = :c")
                .param("c", code)
                .query((rs, n) -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 1; i <= 10; i++) {
                        s.append(rs.getString(i)).append('|');
                    }
                    return s.toString();
                })
                .single();
    }

    private static Map<String, String> fields(Document form) {
        return form.fields();
    }

    /** Just enough of the page for these checks (the form's fields, an element's text by id). */
    record Document(String html) {

        private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
        private static final Pattern SELECT =
                Pattern.compile("<select\\b[^>]*name=\"(\\w+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
        private static final Pattern SELECTED = Pattern.compile("<option value=\"(\\w+)\" selected=\"selected\"");
        private static final Pattern ERROR = Pattern.compile("class=\"field-error\"[^>]*>([^<]*)<");

        static Document parse(String html) {
            return new Document(html);
        }

        Map<String, String> fields() {
            Map<String, String> values = new java.util.TreeMap<>();
            Matcher m = INPUT.matcher(html);
            while (m.find()) {
                String name = attr(m.group(), "name");
                if (name != null && !name.equals("_csrf")) {
                    String value = attr(m.group(), "value");
                    values.put(name, value == null ? "" : value);
                }
            }
            Matcher s = SELECT.matcher(html);
            while (s.find()) {
                Matcher o = SELECTED.matcher(s.group(2));
                values.put(s.group(1), o.find() ? o.group(1) : "");
            }
            return values;
        }

        java.util.List<String> errors() {
            java.util.List<String> errors = new java.util.ArrayList<>();
            Matcher m = ERROR.matcher(html);
            while (m.find()) {
                errors.add(m.group(1));
            }
            return errors;
        }

        Text selectFirst(String selector) {
            if (selector.startsWith("#")) {
                return getElementById(selector.substring(1));
            }
            Matcher m = Pattern.compile("<" + selector + "\\b[^>]*>(.*?)</" + selector + ">", Pattern.DOTALL)
                    .matcher(html);
            return m.find() ? new Text(m.group(1)) : null;
        }

        Text getElementById(String id) {
            Matcher m = Pattern.compile(
                            "<(\\w+)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                    .matcher(html);
            return m.find() ? new Text(m.group(2)) : null;
        }

        private static String attr(String tag, String name) {
            Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
            return m.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)) : null;
        }
    }

    record Text(String inner) {
        String text() {
            return org.springframework.web.util.HtmlUtils.htmlUnescape(
                            inner.replaceAll("<[^>]*>", "").trim())
                    .replaceAll("\\s+", " ");
        }
    }

    private Document page(MockHttpServletRequestBuilder request, Locale locale) throws Exception {
        MockHttpServletResponse r = mvc.perform(
                        request.with(user("t-buyer").roles("BUYER")).locale(locale))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return Document.parse(r.getContentAsString());
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Locale locale, Map<String, String> form)
            throws Exception {
        request.with(user("t-buyer").roles("BUYER")).with(csrf()).locale(locale);
        form.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }
}
