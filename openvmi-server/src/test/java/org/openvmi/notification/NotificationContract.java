package org.openvmi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.notification.internal.DigestJob;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.AlertTestData;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Alert mails end to end: alerts raised through the API, the event publication registry, the mail outbox and a real
 * SMTP server (GreenMail, on a free port) that receives what the application sends. Run on H2 and PostgreSQL.
 * <p>
 * The users: t-admin (zh-CN) and t-buyer (en) get alerts immediately by default; t-planner chose OFF; t-warehouse
 * (en) chose DIGEST; t-viewer has an address but VIEWER gets nothing by default; t-finance has no address; t-sup-a
 * (en) is the supplier of the test items, t-sup-b (zh-CN) is not.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=127.0.0.1",
            "openvmi.notifications.send-interval=200ms",
            "openvmi.notifications.retry-base=200ms",
            "openvmi.notifications.digest-cron=-",
            "openvmi.notifications.base-url=https://vmi.example.test/"
        })
abstract class NotificationContract {

    static final GreenMail SMTP = startSmtp();

    /** On a port chosen once, so the server can be stopped and started again where the application expects it. */
    private static GreenMail startSmtp() {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    static final Map<String, String> LANGUAGES = Map.of(
            "t-admin",
            "zh-CN",
            "t-buyer",
            "en",
            "t-planner",
            "zh-CN",
            "t-warehouse",
            "en",
            "t-viewer",
            "zh-CN",
            Fixtures.SUPPLIER_USER_A,
            "en",
            Fixtures.SUPPLIER_USER_B,
            "zh-CN");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    DigestJob digests;

    @BeforeEach
    void recipients() throws Exception {
        Fixtures.ensure(jdbc, users);
        for (var e : LANGUAGES.entrySet()) {
            UserCommand c = UserCommand.from(users.get(e.getKey()));
            c.setEmail(address(e.getKey()));
            c.setLanguage(e.getValue());
            users.update(e.getKey(), c);
        }
        preference("t-planner", "{\"emailMode\":\"OFF\"}");
        preference("t-warehouse", "{\"emailMode\":\"DIGEST\"}");
    }

    static String address(String username) {
        return username + "@mail.test";
    }

    private void preference(String username, String json) throws Exception {
        mvc.perform(put("/api/v1/notifications/preferences")
                        .with(asUser(username))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    /** The mails GreenMail received whose subject or body mentions the text, by recipient. */
    static Map<String, List<MimeMessage>> received(String text) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> mentions(m, text))
                .collect(Collectors.groupingBy(NotificationContract::recipient));
    }

    private static boolean mentions(MimeMessage m, String text) {
        return subject(m).contains(text) || body(m).contains(text);
    }

    static String recipient(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
            return to[0].toString().replace("@mail.test", "");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> subjects(List<MimeMessage> mails) {
        return mails == null
                ? List.of()
                : mails.stream().map(NotificationContract::subject).sorted().toList();
    }

    @Test
    void a_crossed_line_is_mailed_to_each_recipient_in_its_language_and_to_the_items_supplier_only() throws Exception {
        AlertTestData data = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        data.crossSafetyAndWarning();
        String where = data.item + " @ " + data.warehouse;

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(received(data.item).keySet()).containsExactlyInAnyOrder("t-admin", "t-buyer", "t-sup-a");
            assertThat(received(data.item).values())
                    .allSatisfy(list -> assertThat(list).hasSize(2));
        });
        Map<String, List<MimeMessage>> mails = received(data.item);
        assertThat(subjects(mails.get("t-admin")))
                .containsExactly(
                        "[OpenVMI] 低于安全库存: " + where + " (12 < 20 PCS)",
                        "[OpenVMI] 低于预警线: " + where + " (45 < 50 PCS)");
        assertThat(subjects(mails.get("t-buyer")))
                .containsExactly(
                        "[OpenVMI] Below safety stock: " + where + " (12 < 20 PCS)",
                        "[OpenVMI] Below warning line: " + where + " (45 < 50 PCS)");
        // the stock figure counts every owner's stock at the warehouse, other suppliers' consignment too: the
        // supplier reads the line it crossed, not the figure (ADR 0004 addendum)
        assertThat(subjects(mails.get(Fixtures.SUPPLIER_USER_A)))
                .containsExactly(
                        "[OpenVMI] Below safety stock: " + where + " (< 20 PCS)",
                        "[OpenVMI] Below warning line: " + where + " (< 50 PCS)");
        assertThat(mails.get(Fixtures.SUPPLIER_USER_A))
                .allSatisfy(m -> assertThat(body(m))
                        .doesNotContain("Stock: 12")
                        .doesNotContain("Stock: 45")
                        .contains("Line: "));
        assertThat(body(mails.get("t-admin").get(0))).contains("物料: " + data.item + " 深沟球轴承", "仓库: " + data.warehouse);

        // the outbox agrees: nothing queued for OFF, the VIEWER, the user without an address or the other supplier
        List<String> queuedFor = jdbc.sql("""
                SELECT DISTINCT username FROM notification_mail WHERE subject LIKE :s ORDER BY username""")
                .param("s", "%" + data.item + "%")
                .query(String.class)
                .list();
        assertThat(queuedFor).containsExactly("t-admin", "t-buyer", "t-sup-a");
        // the sender marks a row SENT after the SMTP server took the mail: the last one may still be in between
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT COUNT(*) FROM notification_mail WHERE subject LIKE :s AND status <> 'SENT'")
                                .param("s", "%" + data.item + "%")
                                .query(Long.class)
                                .single())
                        .isZero());
    }

    @Test
    void a_resolved_alert_reaches_the_same_people_including_the_supplier() throws Exception {
        AlertTestData data = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        received(data.item).getOrDefault("t-sup-a", List.of()).size() == 2);
        data.recover();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(subjects(received(data.item).get("t-sup-a")))
                        .contains("[OpenVMI] Resolved: Below safety stock: " + data.item + " @ " + data.warehouse));
        assertThat(received(data.item).get("t-sup-a"))
                .allSatisfy(m -> assertThat(body(m)).doesNotContain("Stock: 112", "now 112"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(subjects(received(data.item).get("t-buyer")))
                        .contains("[OpenVMI] Resolved: Below safety stock: " + data.item + " @ " + data.warehouse
                                + " (now 112 PCS)"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(subjects(received(data.item).get("t-admin")))
                        .contains("[OpenVMI] 已解除: 低于安全库存: " + data.item + " @ " + data.warehouse + " (现 112 PCS)"));
        assertThat(received(data.item)).doesNotContainKeys("t-sup-b", "t-planner", "t-viewer", "t-warehouse");
    }

    @Test
    void an_alert_mail_links_to_its_alert_and_shows_the_time_in_the_display_zone_with_the_zone() throws Exception {
        AlertTestData data = new AlertTestData(mvc, null);
        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        received(data.item).getOrDefault("t-buyer", List.of()).size() == 2);
        record Raised(long id, java.time.Instant at) {}
        List<Raised> alerts = jdbc.sql("SELECT alert_id, raised_at FROM notification_alert WHERE item = :item")
                .param("item", data.item)
                .query((rs, i) -> new Raised(
                        rs.getLong("alert_id"),
                        rs.getObject("raised_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
        // one open alert per item and warehouse, escalated in place: both mails are about it
        assertThat(alerts).hasSize(1);
        Raised alert = alerts.get(0);
        // the default display zone, Asia/Shanghai (UTC+8), not the server's, and named in the mail
        java.time.format.DateTimeFormatter shanghai = java.time.format.DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"));
        List<String> bodies = received(data.item).get("t-buyer").stream()
                .map(NotificationContract::body)
                .toList();
        assertThat(bodies)
                .allSatisfy(b -> assertThat(b)
                        .containsPattern("Open: https://vmi\\.example\\.test/alerts/" + alert.id() + "\\s")
                        .containsPattern(
                                "Raised at: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+08:00 \\(Asia/Shanghai\\)"));
        assertThat(bodies)
                .anySatisfy(b -> assertThat(b)
                        .contains("Raised at: " + shanghai.format(alert.at()) + " +08:00 (Asia/Shanghai)"));
        assertThat(bodies)
                .allSatisfy(b -> assertThat(b).contains("https://vmi.example.test/notifications/preferences"));
    }

    @Test
    void a_digest_user_gets_one_mail_for_several_alerts_when_the_digest_runs() throws Exception {
        AlertTestData data = new AlertTestData(mvc, null);
        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "SELECT COUNT(*) FROM notification_digest_entry WHERE username = 't-warehouse' AND line_text LIKE :s")
                                .param("s", "%" + data.item + "%")
                                .query(Long.class)
                                .single()
                        == 2);
        assertThat(received(data.item)).doesNotContainKey("t-warehouse");

        assertThat(digests.runDigests()).isPositive();

        await().atMost(Duration.ofSeconds(20)).until(() -> received(data.item).containsKey("t-warehouse"));
        List<MimeMessage> digest = received(data.item).get("t-warehouse");
        assertThat(digest).hasSize(1);
        assertThat(subject(digest.get(0))).startsWith("[OpenVMI] Alert digest: ");
        assertThat(body(digest.get(0))).contains("https://vmi.example.test/alerts/");
        assertThat(body(digest.get(0)))
                .contains(
                        "Below safety stock: " + data.item + " @ " + data.warehouse + " (12 < 20 PCS)",
                        "Below warning line: " + data.item + " @ " + data.warehouse + " (45 < 50 PCS)");
        // a second run finds nothing new for this item
        digests.runDigests();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE username = 't-warehouse' AND body LIKE :s")
                        .param("s", "%" + data.item + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void mails_wait_in_the_outbox_while_the_smtp_server_is_down_and_go_out_when_it_is_back() throws Exception {
        AlertTestData data = new AlertTestData(mvc, null);
        SMTP.stop();
        try {
            data.crossSafetyAndWarning();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("""
                    SELECT COUNT(*) FROM notification_mail
                    WHERE subject LIKE :s AND status = 'PENDING' AND attempts >= 1 AND last_error IS NOT NULL""")
                                    .param("s", "%" + data.item + "%")
                                    .query(Long.class)
                                    .single()
                            > 0);
        } finally {
            SMTP.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(received(data.item).keySet()).containsExactlyInAnyOrder("t-admin", "t-buyer");
            assertThat(received(data.item).values())
                    .allSatisfy(list -> assertThat(list).hasSize(2));
        });
        assertThat(jdbc.sql("SELECT MAX(attempts) FROM notification_mail WHERE subject LIKE :s AND status = 'SENT'")
                        .param("s", "%" + data.item + "%")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_posting_that_crosses_no_line_writes_nothing_to_the_event_publication_registry() throws Exception {
        AlertTestData data = new AlertTestData(mvc, null);
        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication")
                                .query(Long.class)
                                .single()
                        == 0);
        data.move("ISSUE", 1);
        data.move("RECEIPT", 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication")
                        .query(Long.class)
                        .single())
                .as("StockChanged has no registry listener, and no alert was raised or resolved")
                .isZero();
    }

    @Test
    void everyone_reads_and_saves_only_their_own_preferences() throws Exception {
        mvc.perform(get("/api/v1/notifications/preferences").with(as(Role.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("t-viewer"))
                .andExpect(jsonPath("$.email").value("t-viewer@mail.test"))
                .andExpect(jsonPath("$.language").value("zh-CN"));
        mvc.perform(put("/api/v1/notifications/preferences")
                        .with(as(Role.FINANCE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"emailMode\":\"DIGEST\",\"warehouses\":[\"NO-SUCH-WH\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("warehouses"));
        mvc.perform(get("/api/v1/notifications/preferences").with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.emailMode").value("OFF"))
                .andExpect(jsonPath("$.explicit").value(false));
        mvc.perform(put("/api/v1/notifications/preferences")
                        .with(as(Role.FINANCE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"emailMode\":\"DIGEST\",\"alertTypes\":[\"STOCKOUT\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emailMode").value("DIGEST"))
                .andExpect(jsonPath("$.alertTypes[0]").value("STOCKOUT"))
                .andExpect(jsonPath("$.explicit").value(true));
        mvc.perform(put("/api/v1/notifications/preferences")
                        .with(as(Role.FINANCE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"emailMode\":\"OFF\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void the_admin_reads_the_mail_log() throws Exception {
        AlertTestData data = new AlertTestData(mvc, null);
        data.crossSafetyAndWarning();
        await().atMost(Duration.ofSeconds(20)).until(() -> received(data.item).containsKey("t-admin"));
        mvc.perform(get("/api/v1/notifications/mails")
                        .param("status", "SENT")
                        .param("size", "1000")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.to == 't-admin@mail.test' && @.subject =~ /.*" + data.item
                                + ".*/)].attempts")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(1))));
        mvc.perform(get("/api/v1/notifications/mails").param("status", "LOST").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void users_carry_an_email_address_and_a_language() throws Exception {
        String name = Fixtures.unique("mailuser").toLowerCase();
        mvc.perform(post("/api/v1/users")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"password\":\"long-enough\",\"roles\":[\"BUYER\"],"
                                + "\"email\":\"buyer@example.com\",\"language\":\"en\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("buyer@example.com"))
                .andExpect(jsonPath("$.language").value("en"));
        mvc.perform(post("/api/v1/users")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "x\",\"password\":\"long-enough\",\"roles\":[\"BUYER\"],"
                                + "\"email\":\"not-an-address\",\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("email", "language")));
        mvc.perform(get("/api/v1/users/" + name).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.language").value("en"));
    }
}
