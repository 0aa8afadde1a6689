package org.openvmi.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.notification.internal.ReportMailJob;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.MutableClock;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scheduled report mails end to end on H2 and PostgreSQL: users opt in on their settings page, the weekly job queues
 * each subscriber's reports once (a second run, as a second instance would, queues nothing), and a real SMTP server
 * (GreenMail) receives them in each user's language.
 */
@TestPropertySource(properties = {
        "spring.mail.host=127.0.0.1",
        "openvmi.notifications.send-interval=200ms",
        "openvmi.notifications.digest-cron=-",
        "openvmi.reports.weekly-cron=-",
        "openvmi.notifications.base-url=https://vmi.example.test/"})
abstract class ReportMailsContract {

    static final GreenMail SMTP = startSmtp();

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

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDirectory users;
    @Autowired
    ReportMailJob job;
    @Autowired
    MutableClock clock;
    @Autowired
    ItemCatalog items;
    @Autowired
    WarehouseCatalog warehouses;
    @Autowired
    SupplierCatalog suppliers;
    @Autowired
    InventoryLedger ledger;

    @BeforeEach
    void recipients() {
        Fixtures.ensure(jdbc, users);
        clock.reset();
        for (var e : Map.of("t-admin", "zh-CN", "t-buyer", "en", "t-planner", "en").entrySet()) {
            UserCommand c = UserCommand.from(users.get(e.getKey()));
            c.setEmail(e.getKey() + "@report.test");
            c.setLanguage(e.getValue());
            users.update(e.getKey(), c);
        }
        jdbc.sql("DELETE FROM notification_report_subscription").update();
        jdbc.sql("DELETE FROM notification_report_run").update();
    }

    @Test
    void subscribers_get_their_reports_once_a_week_in_their_language() throws Exception {
        LedgerTestData data = new LedgerTestData(items, warehouses, suppliers);
        clock.advance(Duration.ofDays(-200));
        try { // 7 of the item received 200 days ago and never issued: stale (default 180 days)
            ledger.post(new PostingRequest(List.of(new MovementRequest("RECEIPT", data.item, data.bin1, "OWN", null,
                    new BigDecimal("7"), new BigDecimal("3000"), null, "R1"))), null);
        } finally {
            clock.reset();
        }
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        subscribe(admin, "WEEKLY_KPIS", "STALE_STOCK");
        subscribe(buyer, "WEEKLY_KPIS");
        subscribe(UiSessions.login(mvc, "t-planner")); // ticks nothing: no mail
        // the choice shows ticked on the page, in the user's page language
        assertThat(page(admin, "/notifications/preferences?lang=zh-CN")).contains("报表邮件", "每周指标摘要")
                .containsPattern("id=\"report-STALE_STOCK\"[^>]*checked");
        assertThat(page(buyer, "/notifications/preferences?lang=en")).contains("Report mails", "Weekly KPI summary")
                .containsPattern("id=\"report-WEEKLY_KPIS\"[^>]*checked")
                .doesNotContainPattern("id=\"report-STALE_STOCK\"[^>]*checked");
        // a supplier user is not offered report mails and may not subscribe
        MockHttpSession supplier = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        assertThat(page(supplier, "/notifications/preferences?lang=en")).doesNotContain("reports-form");
        mvc.perform(post("/notifications/preferences/reports").session(supplier).with(csrf()).param("reports", "WEEKLY_KPIS"))
                .andExpect(status().isForbidden());

        assertThat(job.run()).isEqualTo(3);
        assertThat(job.run()).as("the week is mailed once, also by a second run or instance").isZero();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(received("t-admin")).hasSize(2);
            assertThat(received("t-buyer")).hasSize(1);
        });
        assertThat(received("t-planner")).isEmpty();
        MimeMessage kpisZh = only(received("t-admin"), "指标摘要");
        assertThat(body(kpisZh)).contains("资金占用", "周转天数", "上期", "https://vmi.example.test/dashboards/management")
                .doesNotContain("Capital tied up");
        MimeMessage staleZh = only(received("t-admin"), "呆滞库存");
        assertThat(body(staleZh)).contains(data.item + " @ " + data.warehouse + "（自有库存）", "数量 7", "价值 21,000.00 元",
                "从未出库");
        MimeMessage kpisEn = only(received("t-buyer"), "KPI summary");
        assertThat(body(kpisEn)).contains("Capital tied up", "Days of inventory", "previous").doesNotContain("资金占用");
    }

    private void subscribe(MockHttpSession session, String... reports) throws Exception {
        var request = post("/notifications/preferences/reports").session(session).with(csrf());
        for (String r : reports) {
            request.param("reports", r);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<MimeMessage> received(String user) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipient(m).equals(user + "@report.test"))
                .collect(Collectors.toList());
    }

    private static MimeMessage only(List<MimeMessage> mails, String subject) throws Exception {
        List<MimeMessage> hits = mails.stream().filter(m -> subject(m).contains(subject)).toList();
        assertThat(hits).as("mails with '" + subject + "'").hasSize(1);
        return hits.get(0);
    }

    private static String recipient(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
            return to[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
