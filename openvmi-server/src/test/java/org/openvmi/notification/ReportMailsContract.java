package org.openvmi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

/**
 * Scheduled report mails end to end on H2 and PostgreSQL: users opt in on their settings page, the weekly job queues
 * each subscriber's reports once (a second run, as a second instance would, queues nothing), and a real SMTP server
 * (GreenMail) receives them in each user's language.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=127.0.0.1",
            "openvmi.notifications.send-interval=200ms",
            "openvmi.notifications.digest-cron=-",
            "openvmi.reports.weekly-cron=-",
            "openvmi.notifications.base-url=https://vmi.example.test/"
        })
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
    void recipients() throws Exception {
        Fixtures.ensure(jdbc, users);
        clock.reset();
        for (var e :
                Map.of("t-admin", "zh-CN", "t-buyer", "en", "t-planner", "en").entrySet()) {
            UserCommand c = UserCommand.from(users.get(e.getKey()));
            c.setEmail(e.getKey() + "@report.test");
            c.setLanguage(e.getValue());
            users.update(e.getKey(), c);
        }
        jdbc.sql("DELETE FROM notification_report_subscription").update();
        jdbc.sql("DELETE FROM notification_report_run").update();
        // each test mails this week's reports afresh: the outbox's report mails (dedup keys) and the inboxes go
        jdbc.sql("DELETE FROM notification_mail WHERE mail_kind = 'REPORT'").update();
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void subscribers_get_their_reports_once_a_week_in_their_language() throws Exception {
        LedgerTestData data = new LedgerTestData(items, warehouses, suppliers);
        clock.advance(Duration.ofDays(-200));
        try { // 7 of the item received 200 days ago and never issued: stale (default 180 days)
            ledger.post(
                    new PostingRequest(List.of(new MovementRequest(
                            "RECEIPT",
                            data.item,
                            data.bin1,
                            "OWN",
                            null,
                            new BigDecimal("7"),
                            new BigDecimal("3000"),
                            null,
                            "R1"))),
                    null);
        } finally {
            clock.reset();
        }
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        subscribe(admin, "WEEKLY_KPIS", "STALE_STOCK");
        subscribe(buyer, "WEEKLY_KPIS");
        subscribe(UiSessions.login(mvc, "t-planner")); // ticks nothing: no mail
        // the choice shows ticked on the page, in the user's page language
        assertThat(page(admin, "/notifications/preferences?lang=zh-CN"))
                .contains("报表邮件", "每周指标摘要")
                .containsPattern("id=\"report-STALE_STOCK\"[^>]*checked");
        assertThat(page(buyer, "/notifications/preferences?lang=en"))
                .contains("Report mails", "Weekly KPI summary")
                .containsPattern("id=\"report-WEEKLY_KPIS\"[^>]*checked")
                .doesNotContainPattern("id=\"report-STALE_STOCK\"[^>]*checked");
        // a supplier user is not offered report mails and may not subscribe
        MockHttpSession supplier = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        assertThat(page(supplier, "/notifications/preferences?lang=en")).doesNotContain("reports-form");
        mvc.perform(post("/notifications/preferences/reports")
                        .session(supplier)
                        .with(csrf())
                        .param("reports", "WEEKLY_KPIS"))
                .andExpect(status().isForbidden());

        assertThat(job.run()).isEqualTo(3);
        assertThat(job.run())
                .as("the week is mailed once, also by a second run or instance")
                .isZero();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(received("t-admin")).hasSize(2);
            assertThat(received("t-buyer")).hasSize(1);
        });
        assertThat(received("t-planner")).isEmpty();
        MimeMessage kpisZh = only(received("t-admin"), "指标摘要");
        assertThat(body(kpisZh))
                .contains("资金占用", "周转天数", "上期", "https://vmi.example.test/dashboards/management")
                .doesNotContain("Capital tied up");
        MimeMessage staleZh = only(received("t-admin"), "呆滞库存");
        assertThat(body(staleZh))
                .contains(data.item + " @ " + data.warehouse + "（自有库存）", "数量 7", "价值 21,000.00 元", "从未出库");
        MimeMessage kpisEn = only(received("t-buyer"), "KPI summary");
        assertThat(body(kpisEn))
                .contains("Capital tied up", "Days of inventory", "previous")
                .doesNotContain("资金占用");
    }

    /**
     * The REST API of one's own subscriptions: create, read, change the warehouse, delete; bad input is a problem+json
     * naming the field and changes nothing; each user sees only their own; supplier users are refused. A subscription
     * of one warehouse gets that warehouse's report (its code in the subject), one of every warehouse the whole one.
     */
    @Test
    void report_subscriptions_over_rest_each_users_own_and_a_warehouse_each() throws Exception {
        LedgerTestData stale = new LedgerTestData(items, warehouses, suppliers);
        LedgerTestData empty = new LedgerTestData(items, warehouses, suppliers);
        clock.advance(Duration.ofDays(-200));
        try { // 7 of the item received 200 days ago in the first warehouse and never issued: stale
            ledger.post(
                    new PostingRequest(List.of(new MovementRequest(
                            "RECEIPT",
                            stale.item,
                            stale.bin1,
                            "OWN",
                            null,
                            new BigDecimal("7"),
                            new BigDecimal("3000"),
                            null,
                            "R1"))),
                    null);
        } finally {
            clock.reset();
        }
        var buyer = Fixtures.asUser("t-buyer");
        String api = "/api/v1/report-subscriptions";
        mvc.perform(get(api).with(buyer))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(json(post(api), buyer, "{\"report\":\"STALE_STOCK\",\"warehouse\":\"" + empty.warehouse + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/report-subscriptions/STALE_STOCK"))
                .andExpect(jsonPath("$.report").value("STALE_STOCK"))
                .andExpect(jsonPath("$.warehouse").value(empty.warehouse));
        // refused, naming the field, changing nothing
        mvc.perform(json(post(api), buyer, "{\"report\":\"STALE_STOCK\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("report"));
        mvc.perform(json(post(api), buyer, "{\"report\":\"MONTHLY_KPIS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("report"));
        mvc.perform(json(post(api), buyer, "{\"warehouse\":null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("report"));
        mvc.perform(json(post(api), buyer, "{\"report\":\"WEEKLY_KPIS\",\"warehouse\":\"NO-SUCH-WH\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("warehouse"));
        mvc.perform(json(put(api + "/STALE_STOCK"), buyer, "{\"warehouse\":\"NO-SUCH-WH\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("warehouse"));
        mvc.perform(get(api).with(buyer))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].warehouse").value(empty.warehouse));
        mvc.perform(json(put(api + "/WEEKLY_KPIS"), buyer, "{\"warehouse\":null}"))
                .andExpect(status().isNotFound());
        mvc.perform(get(api + "/MONTHLY").with(buyer)).andExpect(status().isNotFound());

        // another user: sees only their own, subscribes to every warehouse, then narrows to the stale one
        var admin = Fixtures.asUser("t-admin");
        mvc.perform(get(api).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(json(post(api), admin, "{\"report\":\"STALE_STOCK\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warehouse").doesNotExist());
        mvc.perform(json(put(api + "/STALE_STOCK"), admin, "{\"warehouse\":\"" + stale.warehouse + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warehouse").value(stale.warehouse));
        mvc.perform(get(api + "/STALE_STOCK").with(buyer))
                .andExpect(jsonPath("$.warehouse").value(empty.warehouse));
        var planner = Fixtures.asUser("t-planner");
        mvc.perform(json(post(api), planner, "{\"report\":\"WEEKLY_KPIS\"}")).andExpect(status().isCreated());
        mvc.perform(delete(api + "/WEEKLY_KPIS").with(planner)).andExpect(status().isNoContent());
        mvc.perform(delete(api + "/WEEKLY_KPIS").with(planner)).andExpect(status().isNotFound());
        mvc.perform(json(post(api), planner, "{\"report\":\"stale_stock\"}")).andExpect(status().isCreated());
        // supplier users have no report mails
        var supplier = Fixtures.asUser(Fixtures.SUPPLIER_USER_A);
        mvc.perform(get(api).with(supplier)).andExpect(status().isForbidden());
        mvc.perform(json(post(api), supplier, "{\"report\":\"STALE_STOCK\"}")).andExpect(status().isForbidden());
        // the settings page shows the API's choice ticked
        assertThat(page(UiSessions.login(mvc, "t-buyer"), "/notifications/preferences?lang=en"))
                .containsPattern("id=\"report-STALE_STOCK\"[^>]*checked");

        assertThat(job.run()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(received("t-admin")).hasSize(1);
            assertThat(received("t-buyer")).hasSize(1);
            assertThat(received("t-planner")).hasSize(1);
        });
        MimeMessage adminMail = only(received("t-admin"), "呆滞库存");
        assertThat(subject(adminMail)).endsWith(" · " + stale.warehouse);
        assertThat(body(adminMail)).contains(stale.item + " @ " + stale.warehouse, "数量 7");
        MimeMessage buyerMail = only(received("t-buyer"), "Stale stock");
        assertThat(subject(buyerMail)).endsWith(" · " + empty.warehouse);
        assertThat(body(buyerMail)).contains("No stale stock.").doesNotContain(stale.item);
        MimeMessage plannerMail = only(received("t-planner"), "Stale stock");
        assertThat(subject(plannerMail)).doesNotContain(" · ");
        assertThat(body(plannerMail)).contains(stale.item + " @ " + stale.warehouse);
    }

    /**
     * The settings page's report form: each ticked report with the warehouse chosen in its list (blank: every
     * warehouse); an unknown warehouse is shown at its list with what was sent and saves nothing; saving the form as
     * shown changes nothing (not even the creation time); in English and Chinese.
     */
    @Test
    void the_settings_page_chooses_each_reports_warehouse_and_an_unchanged_save_changes_nothing() throws Exception {
        LedgerTestData data = new LedgerTestData(items, warehouses, suppliers);
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        mvc.perform(post("/notifications/preferences/reports")
                        .session(buyer)
                        .with(csrf())
                        .param("reports", "STALE_STOCK", "WEEKLY_KPIS")
                        .param("warehouse.STALE_STOCK", data.warehouse)
                        .param("warehouse.WEEKLY_KPIS", ""))
                .andExpect(status().is3xxRedirection());
        List<Map<String, Object>> saved = rows("t-buyer");
        assertThat(saved)
                .extracting(r -> r.get("report") + "/" + r.get("warehouse"))
                .containsExactly("STALE_STOCK/" + data.warehouse, "WEEKLY_KPIS/null");
        assertThat(page(buyer, "/notifications/preferences?lang=en"))
                .contains("Warehouse the report covers", "All warehouses")
                .containsPattern("id=\"report-STALE_STOCK\"[^>]*checked")
                .containsPattern("<option value=\"" + data.warehouse + "\"[^>]*selected");
        assertThat(page(buyer, "/notifications/preferences?lang=zh-CN")).contains("报表范围（仓库）", "全部仓库");

        // an unknown warehouse: shown at its list, in the page's language, and nothing saved
        clock.advance(Duration.ofHours(3));
        String refused = mvc.perform(post("/notifications/preferences/reports?lang=en")
                        .session(buyer)
                        .with(csrf())
                        .param("reports", "STALE_STOCK")
                        .param("warehouse.STALE_STOCK", "NO-SUCH-WH"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("id=\"report-warehouse-STALE_STOCK-error\"", "NO-SUCH-WH")
                .containsPattern("id=\"report-STALE_STOCK\"[^>]*checked")
                .doesNotContainPattern("id=\"report-WEEKLY_KPIS\"[^>]*checked");
        assertThat(rows("t-buyer")).isEqualTo(saved);

        // the form sent back as shown: nothing changes, not even the creation time
        mvc.perform(post("/notifications/preferences/reports")
                        .session(buyer)
                        .with(csrf())
                        .param("reports", "STALE_STOCK", "WEEKLY_KPIS")
                        .param("warehouse.STALE_STOCK", data.warehouse)
                        .param("warehouse.WEEKLY_KPIS", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(rows("t-buyer")).isEqualTo(saved);
        // a changed warehouse changes that subscription only; an unticked report goes
        mvc.perform(post("/notifications/preferences/reports")
                        .session(buyer)
                        .with(csrf())
                        .param("reports", "WEEKLY_KPIS")
                        .param("warehouse.STALE_STOCK", data.warehouse)
                        .param("warehouse.WEEKLY_KPIS", data.warehouse))
                .andExpect(status().is3xxRedirection());
        List<Map<String, Object>> after = rows("t-buyer");
        assertThat(after)
                .extracting(r -> r.get("report") + "/" + r.get("warehouse"))
                .containsExactly("WEEKLY_KPIS/" + data.warehouse);
        assertThat(after.get(0).get("created_at")).isEqualTo(saved.get(1).get("created_at"));
        clock.reset();
    }

    private List<Map<String, Object>> rows(String user) {
        return jdbc.sql("SELECT report, warehouse, created_at FROM notification_report_subscription WHERE username = :u"
                        + " ORDER BY report")
                .param("u", user)
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("report", rs.getString(1));
                    row.put("warehouse", rs.getString(2));
                    row.put("created_at", rs.getTimestamp(3).toInstant());
                    return row;
                })
                .list();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            org.springframework.test.web.servlet.request.RequestPostProcessor who,
            String body) {
        return request.with(who)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(body);
    }

    private void subscribe(MockHttpSession session, String... reports) throws Exception {
        var request =
                post("/notifications/preferences/reports").session(session).with(csrf());
        for (String r : reports) {
            request.param("reports", r);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<MimeMessage> received(String user) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipient(m).equals(user + "@report.test"))
                .collect(Collectors.toList());
    }

    private static MimeMessage only(List<MimeMessage> mails, String subject) throws Exception {
        List<MimeMessage> hits =
                mails.stream().filter(m -> subject(m).contains(subject)).toList();
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
