package org.openvmi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.notification.model.RobotMessages;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.AlertTestData;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group robots end to end (ADR 0063), with no SMTP server at all: alerts raised through the API reach each user's
 * WeCom or DingTalk robot — a real HTTP receiver in the test (the JDK's HttpServer) standing in for qyapi.weixin.qq.com
 * and oapi.dingtalk.com — in the user's language, DingTalk's signed; a supplier's robot hears only of its own items;
 * a robot that refuses is tried again. Group robots configured apart from users (ADR 0076) hear the alerts of their
 * warehouse or supplier in the same formats, a supplier user manages its own supplier's robots only, and a test
 * message reaches the robot. Run on H2 and PostgreSQL.
 */
@TestPropertySource(
        properties = {
            "openvmi.notifications.send-interval=200ms",
            "openvmi.notifications.retry-base=200ms",
            "openvmi.notifications.digest-cron=-",
            "openvmi.notifications.robots.allowed-hosts=127.0.0.1"
        })
abstract class RobotDeliveryContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SECRET = "SECtest-robot-secret-of-supplier-a";

    /** What the receiver got: the path with its query, and the body. */
    record Received(String path, Map<String, String> query, JsonNode body) {

        String text() {
            JsonNode md = body.path("markdown");
            return md.has("content")
                    ? md.path("content").asString()
                    : md.path("text").asString();
        }
    }

    static final List<Received> RECEIVED = Collections.synchronizedList(new ArrayList<>());
    /** How many more posts the receiver refuses (errcode 45009, WeCom's "too many requests"). */
    static final AtomicInteger REFUSE = new AtomicInteger();

    static final HttpServer ROBOTS = start();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] in = exchange.getRequestBody().readAllBytes();
                String answer;
                if (REFUSE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    answer = "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}";
                } else {
                    RECEIVED.add(new Received(
                            exchange.getRequestURI().getPath(),
                            query(exchange.getRequestURI().getRawQuery()),
                            JSON.readTree(new String(in, StandardCharsets.UTF_8))));
                    answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
                }
                byte[] out = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return q;
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    String base() {
        return "http://127.0.0.1:" + ROBOTS.getAddress().getPort();
    }

    @BeforeEach
    void robots() throws Exception {
        Fixtures.ensure(jdbc, users);
        language("t-buyer", "zh-CN");
        language(Fixtures.SUPPLIER_USER_A, "en");
        language(Fixtures.SUPPLIER_USER_B, "zh-CN");
        preference("t-buyer", "WECOM", base() + "/cgi-bin/webhook/send?key=buyer-group", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("WECOM"))
                .andExpect(jsonPath("$.robotSigned").value(false));
        preference(Fixtures.SUPPLIER_USER_A, "DINGTALK", base() + "/robot/send?access_token=sup-a-group", SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.robotSigned").value(true))
                .andExpect(jsonPath("$.robotSecret").doesNotExist());
        preference(Fixtures.SUPPLIER_USER_B, "WECOM", base() + "/cgi-bin/webhook/send?key=sup-b-group", null)
                .andExpect(status().isOk());
    }

    /** The group robots a test added hear nothing of the next test's alerts. */
    @org.junit.jupiter.api.AfterEach
    void removeGroupRobots() {
        jdbc.sql("DELETE FROM notification_robot").update();
    }

    private void language(String username, String language) {
        UserCommand c = UserCommand.from(users.get(username));
        c.setLanguage(language);
        c.setEmail(null);
        users.update(username, c);
    }

    org.springframework.test.web.servlet.ResultActions preference(
            String username, String channel, String url, String secret) throws Exception {
        String body = "{\"emailMode\":\"IMMEDIATE\",\"channel\":\"" + channel + "\""
                + (url == null ? "" : ",\"robotUrl\":\"" + url + "\"")
                + (secret == null ? "" : ",\"robotSecret\":\"" + secret + "\"") + "}";
        return mvc.perform(put("/api/v1/notifications/preferences")
                .with(asUser(username))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    List<Received> about(String text) {
        synchronized (RECEIVED) {
            return RECEIVED.stream().filter(r -> r.text().contains(text)).toList();
        }
    }

    @Test
    void alerts_reach_each_users_group_robot_in_its_language_and_a_suppliers_robot_only_its_own_items()
            throws Exception {
        AlertTestData ofA = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        ofA.crossSafetyAndWarning();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(about(ofA.item).stream().filter(r -> r.query().containsKey("key")))
                    .as("the buyer's WeCom group: both notices of the alert")
                    .hasSize(2);
            assertThat(about(ofA.item).stream().filter(r -> r.path().equals("/robot/send")))
                    .as("supplier A's DingTalk group")
                    .hasSize(2);
        });
        List<Received> wecom = about(ofA.item).stream()
                .filter(r -> r.path().equals("/cgi-bin/webhook/send"))
                .toList();
        assertThat(wecom).allSatisfy(r -> {
            assertThat(r.query()).containsEntry("key", "buyer-group");
            assertThat(r.body().path("msgtype").asString()).isEqualTo("markdown");
            assertThat(r.text()).contains("低于").contains(ofA.item).contains("物料");
        });
        List<Received> ding = about(ofA.item).stream()
                .filter(r -> r.path().equals("/robot/send"))
                .toList();
        assertThat(ding).allSatisfy(r -> {
            assertThat(r.query()).containsEntry("access_token", "sup-a-group");
            long timestamp = Long.parseLong(r.query().get("timestamp"));
            assertThat(URLDecoder.decode(r.query().get("sign"), StandardCharsets.UTF_8))
                    .isEqualTo(
                            URLDecoder.decode(RobotMessages.dingTalkSign(SECRET, timestamp), StandardCharsets.UTF_8));
            assertThat(r.body().path("markdown").path("title").asString()).startsWith("[OpenVMI] Below");
            // the supplier reads the line it crossed, not the buyer's stock figure
            assertThat(r.text()).contains("Line: ").doesNotContain("Stock: 12");
        });
        // supplier B's group hears nothing of supplier A's item
        assertThat(about(ofA.item))
                .noneMatch(r -> "sup-b-group".equals(r.query().get("key")));

        // the outbox keeps no robot key: its address is shown without the query
        List<String> addresses = jdbc.sql("SELECT DISTINCT to_address FROM notification_mail WHERE subject LIKE :s")
                .param("s", "%" + ofA.item + "%")
                .query(String.class)
                .list();
        assertThat(addresses).isNotEmpty().allSatisfy(a -> assertThat(a).doesNotContain("key=", "access_token="));
    }

    @Test
    void a_robot_that_refuses_is_tried_again_and_gets_the_message_once() throws Exception {
        REFUSE.set(2);
        AlertTestData data = new AlertTestData(mvc, null);
        data.move("ISSUE", 55);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(about(data.item)).hasSize(1));
        // the receiver has the message before the sender has marked it SENT: wait for the mark
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT MAX(attempts) FROM notification_mail WHERE subject LIKE :s AND status = 'SENT'")
                                .param("s", "%" + data.item + "%")
                                .query(Integer.class)
                                .optional())
                        .hasValueSatisfying(attempts -> assertThat(attempts).isGreaterThan(1)));
    }

    @Test
    void a_robot_address_outside_the_robots_hosts_or_without_its_key_is_refused_naming_the_field() throws Exception {
        preference("t-buyer", "WECOM", "http://169.254.169.254/cgi-bin/webhook/send?key=x", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("robotUrl"));
        preference("t-buyer", "DINGTALK", base() + "/robot/send", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("robotUrl"));
        preference("t-buyer", "WECOM", null, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("robotUrl"));
    }

    @Test
    void a_save_that_leaves_the_channel_out_keeps_the_group_robot_and_an_explicit_email_drops_it() throws Exception {
        mvc.perform(put("/api/v1/notifications/preferences")
                        .with(asUser("t-buyer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"emailMode\":\"DIGEST\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emailMode").value("DIGEST"))
                .andExpect(jsonPath("$.channel").value("WECOM"))
                .andExpect(jsonPath("$.robotUrl").value(base() + "/cgi-bin/webhook/send?key=buyer-group"));
        preference("t-buyer", "EMAIL", null, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("EMAIL"))
                .andExpect(jsonPath("$.robotUrl").doesNotExist());
    }

    // --- group robots configured apart from users (ADR 0076) ------------------------------------------------------

    org.springframework.test.web.servlet.ResultActions robot(
            org.springframework.test.web.servlet.request.RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/v1/notifications/robots")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    long id(org.springframework.test.web.servlet.ResultActions created) throws Exception {
        return JSON.readTree(created.andReturn().getResponse().getContentAsString())
                .get("id")
                .asLong();
    }

    List<Received> toKey(String key) {
        synchronized (RECEIVED) {
            return RECEIVED.stream()
                    .filter(r -> key.equals(r.query().get("key"))
                            || key.equals(r.query().get("access_token")))
                    .toList();
        }
    }

    @Test
    void group_robots_of_a_warehouse_and_of_a_supplier_hear_their_alerts_in_the_documented_formats() throws Exception {
        AlertTestData ofA = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        String team = "team-" + ofA.warehouse;
        String supA = "sup-a-" + ofA.warehouse;
        String supB = "sup-b-" + ofA.warehouse;
        robot(as(Role.ADMIN), """
                {"name":"仓库群","kind":"WECOM","address":"%s/cgi-bin/webhook/send?key=%s","warehouse":"%s",
                 "alertTypes":["BELOW_SAFETY","BELOW_WARNING"]}""".formatted(base(), team, ofA.warehouse))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warehouse").value(ofA.warehouse))
                .andExpect(jsonPath("$.address").value(base() + "/cgi-bin/webhook/send?…"));
        robot(as(Role.ADMIN), """
                {"name":"Supplier A","kind":"DINGTALK","address":"%s/robot/send?access_token=%s","secret":"%s",
                 "supplier":"%s","language":"en"}""".formatted(base(), supA, SECRET, Fixtures.SUPPLIER_A))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.signed").value(true))
                .andExpect(jsonPath("$.secret").doesNotExist());
        robot(asUser(Fixtures.SUPPLIER_USER_B), """
                {"name":"B 的群","kind":"WECOM","address":"%s/cgi-bin/webhook/send?key=%s","toShip":true}""".formatted(base(), supB))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_B));

        ofA.crossSafetyAndWarning();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(toKey(team)).as("the warehouse's team group").hasSize(2);
            assertThat(toKey(supA)).as("supplier A's group").hasSize(2);
        });
        assertThat(toKey(team)).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/cgi-bin/webhook/send");
            assertThat(r.body().path("msgtype").asString()).isEqualTo("markdown");
            assertThat(r.body().path("markdown").path("content").asString())
                    .startsWith("**")
                    .contains(ofA.item)
                    .contains("低于");
        });
        assertThat(toKey(supA)).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/robot/send");
            long timestamp = Long.parseLong(r.query().get("timestamp"));
            assertThat(URLDecoder.decode(r.query().get("sign"), StandardCharsets.UTF_8))
                    .isEqualTo(
                            URLDecoder.decode(RobotMessages.dingTalkSign(SECRET, timestamp), StandardCharsets.UTF_8));
            assertThat(r.body().path("markdown").path("title").asString()).startsWith("[OpenVMI] Below");
            assertThat(r.text()).startsWith("#### ").contains("Line: ").doesNotContain("Stock: 12");
        });
        assertThat(toKey(supB))
                .as("supplier B's group hears nothing of A's item")
                .isEmpty();
        assertThat(jdbc.sql("SELECT DISTINCT to_address FROM notification_mail WHERE robot_id IS NOT NULL")
                        .query(String.class)
                        .list())
                .allSatisfy(a -> assertThat(a).doesNotContain("key=", "access_token="));
    }

    @Test
    void a_supplier_user_manages_its_own_suppliers_robots_only_and_bad_input_names_the_field() throws Exception {
        long admins = id(robot(as(Role.ADMIN), """
                        {"name":"buyer","kind":"WECOM","address":"%s/cgi-bin/webhook/send?key=buyer-only","approvals":true,
                         "alerts":false}""".formatted(base())).andExpect(status().isCreated()));
        long bs = id(
                robot(asUser(Fixtures.SUPPLIER_USER_B), """
                        {"name":"b","kind":"DINGTALK","address":"%s/robot/send?access_token=b-own","secret":"s1"}""".formatted(base())).andExpect(status().isCreated()));

        mvc.perform(get("/api/v1/notifications/robots").with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$[*].supplier",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(Fixtures.SUPPLIER_B))))
                .andExpect(jsonPath("$[?(@.id == " + admins + ")]").isEmpty());
        mvc.perform(get("/api/v1/notifications/robots/" + admins).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/notifications/robots/" + admins).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notifications/robots/" + bs).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isNotFound());
        // a change that leaves the secret blank keeps it; the secret is never shown
        mvc.perform(put("/api/v1/notifications/robots/" + bs)
                        .with(asUser(Fixtures.SUPPLIER_USER_B))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"b2","kind":"DINGTALK","address":"%s/robot/send?access_token=b-own","enabled":false}""".formatted(base())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("b2"))
                .andExpect(jsonPath("$.signed").value(true))
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.secret").doesNotExist());

        robot(asUser(Fixtures.SUPPLIER_USER_B), """
                {"name":"x","kind":"WECOM","address":"%s/cgi-bin/webhook/send?key=x","supplier":"%s"}""".formatted(base(), Fixtures.SUPPLIER_A))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supplier"));
        robot(asUser(Fixtures.SUPPLIER_USER_B), """
                {"name":"x","kind":"WECOM","address":"%s/cgi-bin/webhook/send?key=x","approvals":true}""".formatted(base()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("approvals"));
        robot(as(Role.ADMIN), """
                {"name":"x","kind":"WECOM","address":"http://169.254.169.254/cgi-bin/webhook/send?key=x"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("address"));
        robot(as(Role.ADMIN), """
                {"name":"x","kind":"DINGTALK","address":"%s/robot/send"}""".formatted(base()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("address"));
        robot(as(Role.ADMIN), """
                {"name":"","kind":"EMAIL","address":"%s/robot/send?access_token=t","warehouse":"NO-SUCH-WH"}""".formatted(base()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("name", "kind", "warehouse")));
        mvc.perform(delete("/api/v1/notifications/robots/" + bs).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/notifications/robots/" + bs).with(as(Role.ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_test_message_reaches_the_robot_signed_and_its_outcome_is_shown() throws Exception {
        String token = Fixtures.unique("test-button"); // the receiver is shared by the H2 and PostgreSQL runs
        long id = id(robot(as(Role.ADMIN), """
                        {"name":"测试群","kind":"DINGTALK","address":"%s/robot/send?access_token=%s","secret":"%s",
                         "enabled":false}""".formatted(base(), token, SECRET)).andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/notifications/robots/" + id + "/test").with(as(Role.ADMIN)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.lastStatus").value("PENDING"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(toKey(token)).hasSize(1));
        Received r = toKey(token).get(0);
        assertThat(r.body().path("markdown").path("title").asString()).isEqualTo("OpenVMI 测试消息");
        assertThat(URLDecoder.decode(r.query().get("sign"), StandardCharsets.UTF_8))
                .isEqualTo(URLDecoder.decode(
                        RobotMessages.dingTalkSign(
                                SECRET, Long.parseLong(r.query().get("timestamp"))),
                        StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(
                                get("/api/v1/notifications/robots/" + id).with(as(Role.ADMIN)))
                        .andExpect(jsonPath("$.lastStatus").value("SENT")));
    }

    @Test
    void a_robot_that_cannot_be_reached_shows_why_in_the_pages_language_and_the_english_as_its_detail()
            throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // nothing listens there once it is closed
        }
        String token = Fixtures.unique("unreachable");
        long id = id(robot(as(Role.ADMIN), """
                        {"name":"不通的群","kind":"DINGTALK","address":"http://127.0.0.1:%d/robot/send?access_token=%s",
                         "enabled":false}""".formatted(closed, token)).andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/notifications/robots/" + id + "/test").with(as(Role.ADMIN)))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(
                                get("/api/v1/notifications/robots/" + id).with(as(Role.ADMIN)))
                        .andExpect(jsonPath("$.lastErrorCode").value("refused"))
                        .andExpect(
                                jsonPath("$.lastError").value(org.hamcrest.Matchers.startsWith("ConnectException"))));
        var admin = org.openvmi.testsupport.UiSessions.login(mvc, "t-admin");
        String zh = mvc.perform(get("/admin/robots").session(admin).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh).contains("连接被拒绝或主机不可达").contains("<code>ConnectException");
        String en = mvc.perform(get("/admin/robots").session(admin).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("connection refused or host unreachable");
        // the mail log says the same of the message
        assertThat(mvc.perform(get("/admin/notifications/mails")
                                .session(admin)
                                .locale(java.util.Locale.SIMPLIFIED_CHINESE))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("连接被拒绝或主机不可达");
        mvc.perform(delete("/api/v1/notifications/robots/" + id).with(as(Role.ADMIN)))
                .andExpect(status().isNoContent());
    }

    // --- the robot pages' edit form and enable / disable button (h/robotedit) -------------------------------------

    @Autowired
    org.openvmi.audit.AuditTrail audit;

    /** A page's form post (with its CSRF token). */
    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(String path) {
        return post(path)
                .with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf());
    }

    Map<String, Object> stored(long id) {
        return jdbc.sql("SELECT * FROM notification_robot WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    long updates(long id) {
        return audit.find(
                        new org.openvmi.audit.AuditTrail.AuditQuery(
                                null, "UPDATE", "GroupRobot", String.valueOf(id), null, null),
                        new org.openvmi.shared.PageRequest(0, 50))
                .totalElements();
    }

    @Test
    void a_put_removes_the_stored_secret_only_when_asked_and_the_removal_is_audited() throws Exception {
        long id = id(robot(as(Role.ADMIN), """
                        {"name":"signed","kind":"DINGTALK","address":"%s/robot/send?access_token=%s","secret":"s-put-1"}""".formatted(base(), Fixtures.unique("put-secret")))
                .andExpect(status().isCreated()));
        String address = (String) column(stored(id), "robot_url");
        String change = """
                {"name":"signed","kind":"DINGTALK","address":"%s"%s}""";
        // absent, blank or removeSecret false: the secret is kept, nothing changes, nothing is audited
        for (String keep : List.of("", ",\"secret\":\"\"", ",\"removeSecret\":false")) {
            mvc.perform(put("/api/v1/notifications/robots/" + id)
                            .with(as(Role.ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(change.formatted(address, keep)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.signed").value(true));
        }
        assertThat(column(stored(id), "robot_secret")).isEqualTo("s-put-1");
        assertThat(updates(id)).isZero();

        // a new secret and removeSecret at once: refused naming the field, nothing changes
        mvc.perform(put("/api/v1/notifications/robots/" + id)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(address, ",\"secret\":\"s-put-2\",\"removeSecret\":true")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("removeSecret"));
        assertThat(column(stored(id), "robot_secret")).isEqualTo("s-put-1");

        // removeSecret: the secret is gone, the robot no longer signs, and the change is audited signed → unsigned
        mvc.perform(put("/api/v1/notifications/robots/" + id)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(address, ",\"removeSecret\":true")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signed").value(false))
                .andExpect(jsonPath("$.secret").doesNotExist());
        assertThat(column(stored(id), "robot_secret")).isNull();
        assertThat(updates(id)).isOne();
        var entry = audit.find(
                        new org.openvmi.audit.AuditTrail.AuditQuery(
                                null, "UPDATE", "GroupRobot", String.valueOf(id), null, null),
                        new org.openvmi.shared.PageRequest(0, 50))
                .content()
                .get(0);
        assertThat(entry.before()).contains("\"signed\":true").doesNotContain("s-put-1");
        assertThat(entry.after()).contains("\"signed\":false");

        // removing it again changes nothing; a new secret signs again
        mvc.perform(put("/api/v1/notifications/robots/" + id)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(address, ",\"removeSecret\":true")))
                .andExpect(status().isOk());
        assertThat(updates(id)).isOne();
        mvc.perform(put("/api/v1/notifications/robots/" + id)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(address, ",\"secret\":\"s-put-3\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signed").value(true));

        // the edit form: a new secret typed and the removal ticked is refused at the tick, in the page's language
        var admin = org.openvmi.testsupport.UiSessions.login(mvc, "t-admin");
        mvc.perform(form("/admin/robots/" + id + "/edit")
                        .session(admin)
                        .locale(java.util.Locale.ENGLISH)
                        .param("name", "signed")
                        .param("kind", "DINGTALK")
                        .param("address", address)
                        .param("secret", "s-put-4")
                        .param("alerts", "true")
                        .param("language", "zh-CN")
                        .param("enabled", "true")
                        .param("removeSecret", "true"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"removeSecret-error\"")));
        assertThat(column(stored(id), "robot_secret")).isEqualTo("s-put-3");
    }

    @Test
    void the_robot_pages_edit_and_switch_a_robot_and_another_suppliers_robot_is_a_404() throws Exception {
        String token = Fixtures.unique("b-page-token");
        long bs = id(robot(asUser(Fixtures.SUPPLIER_USER_B), """
                        {"name":"b-page","kind":"DINGTALK","address":"%s/robot/send?access_token=%s","secret":"s-page-secret",
                         "alertTypes":["STOCKOUT","ABOVE_MAX"],"toShip":true,"language":"en"}""".formatted(base(), token))
                .andExpect(status().isCreated()));
        Map<String, Object> created = stored(bs);
        var a = org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        var b = org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_B);
        var admin = org.openvmi.testsupport.UiSessions.login(mvc, "t-admin");

        // another supplier's robot is not found on its portal: neither its edit page, nor a save, nor the toggle
        mvc.perform(get("/portal/robots/" + bs + "/edit").session(a)).andExpect(status().isNotFound());
        mvc.perform(form("/portal/robots/" + bs + "/edit")
                        .session(a)
                        .param("name", "taken")
                        .param("kind", "WECOM")
                        .param("address", base() + "/cgi-bin/webhook/send?key=taken"))
                .andExpect(status().isNotFound());
        mvc.perform(form("/portal/robots/" + bs + "/enabled").session(a).param("enabled", "false"))
                .andExpect(status().isNotFound());
        assertThat(stored(bs)).isEqualTo(created);

        // its own supplier's edit page shows the address masked and never the secret
        String page = mvc.perform(
                        get("/portal/robots/" + bs + "/edit").session(b).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("/robot/send?&hellip;")
                .contains("已加签")
                .contains("id=\"removeSecret")
                .doesNotContain(token)
                .doesNotContain("s-page-secret")
                .doesNotContain("Group robot");

        // the form saved as shown (masked address, empty secret) changes nothing, not even updated_at, and is not
        // audited
        mvc.perform(form("/portal/robots/" + bs + "/edit")
                        .session(b)
                        .param("name", "b-page")
                        .param("kind", "DINGTALK")
                        .param("address", base() + "/robot/send?…")
                        .param("secret", "")
                        .param("warehouse", "")
                        .param("alerts", "true")
                        .param("alertTypes", "STOCKOUT", "ABOVE_MAX")
                        .param("toShip", "true")
                        .param("language", "en")
                        .param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(bs)).isEqualTo(created);
        assertThat(updates(bs)).isZero();

        // a bad change is refused at its field, in the page's language
        mvc.perform(form("/admin/robots/" + bs + "/edit")
                        .session(admin)
                        .locale(java.util.Locale.ENGLISH)
                        .param("name", "")
                        .param("kind", "DINGTALK")
                        .param("address", "http://169.254.169.254/robot/send?access_token=x")
                        .param("supplier", Fixtures.SUPPLIER_B))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("id=\"name-error\""),
                                org.hamcrest.Matchers.containsString("id=\"address-error\""))));
        assertThat(stored(bs)).isEqualTo(created);

        // the admin renames it and removes its secret; the masked address keeps the stored one; audited
        mvc.perform(form("/admin/robots/" + bs + "/edit")
                        .session(admin)
                        .param("name", "b-renamed")
                        .param("kind", "DINGTALK")
                        .param("address", base() + "/robot/send?…")
                        .param("supplier", Fixtures.SUPPLIER_B)
                        .param("alerts", "true")
                        .param("alertTypes", "STOCKOUT")
                        .param("language", "zh-CN")
                        .param("enabled", "true")
                        .param("removeSecret", "true"))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> renamed = stored(bs);
        assertThat(column(renamed, "name")).isEqualTo("b-renamed");
        assertThat(column(renamed, "robot_url")).isEqualTo(column(created, "robot_url"));
        assertThat(column(renamed, "robot_secret")).isNull();
        assertThat(column(renamed, "supplier_id")).isEqualTo(column(created, "supplier_id"));
        assertThat(column(renamed, "alert_types")).isEqualTo("STOCKOUT");
        assertThat(column(renamed, "to_ship")).isEqualTo(false);
        assertThat(updates(bs)).isOne();

        // its supplier switches it off and on again; each switch is audited, a repeated one changes nothing
        for (boolean enabled : new boolean[] {false, true}) {
            mvc.perform(form("/portal/robots/" + bs + "/enabled").session(b).param("enabled", String.valueOf(enabled)))
                    .andExpect(status().is3xxRedirection());
            assertThat(column(stored(bs), "enabled")).isEqualTo(enabled);
        }
        mvc.perform(form("/portal/robots/" + bs + "/enabled").session(b).param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(updates(bs)).isEqualTo(3);
    }

    /** A column of a row read with SELECT * (H2 names columns in upper case, PostgreSQL in lower case). */
    static Object column(Map<String, Object> row, String name) {
        return row.containsKey(name) ? row.get(name) : row.get(name.toUpperCase(java.util.Locale.ROOT));
    }
}
