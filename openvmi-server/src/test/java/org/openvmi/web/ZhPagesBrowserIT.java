package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.AlertTestData;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One language per page: every role, in zh-CN, opens every page its navigation offers and the detail page of the
 * first row of each list, with data present (an alert, a PO received in part and invoiced, a requisition, an ASN
 * received in part, a consumption with its ownership transfer, a settlement statement, a planning run). No page shows
 * an enum code (PARTIALLY_RECEIVED, BELOW_WARNING, role:ADMIN …), an English sentence or an unresolved message key,
 * outside the codes and names this test created, which are data.
 */
@BrowserTest
class ZhPagesBrowserIT {

    /** An enum-looking code: two or more capitals joined by underscores (BELOW_WARNING, PARTIALLY_RECEIVED). */
    private static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b");
    /** Codes that are one word but still codes, never shown bare on a Chinese page. */
    private static final Pattern BARE_CODE =
            Pattern.compile("\\b(?:ADMIN|BUYER|WAREHOUSE|FINANCE|PLANNER|VIEWER|SUPPLIER"
                    + "|DRAFT|SENT|CONFIRMED|RECEIVED|CLOSED|CANCELLED|OPEN|ISSUED|DISPUTED|SUBMITTED|APPROVED|REJECTED|ORDERED"
                    + "|ACTIVE|RESOLVED|ACKNOWLEDGED|SHIPPED|POSTED|RELEASED|EXPIRED|MATCHED|QUEUED|RUNNING|DONE|FAILED|MANUAL"
                    + "|DYNAMIC|PURCHASE|TRANSFER|STOCKOUT|RECEIPT|ISSUE|CONSUME|CONSUMPTION|ADJUST|COUNT|STAGED|RETURN|STORAGE"
                    + "|RECEIVING|SMOOTH|ERRATIC|LUMPY|INTERMITTENT|MASE|RMSE|WEEKLY|MONTHLY|CUSTOM|IMMEDIATE|DIGEST|FILE|CREATE"
                    + "|UPDATE|DELETE|REVOKE|LOCK|PENDING|WAITING|SKIPPED|OWN)\\b|role:[A-Z]");
    /** Three or more English words in a row: a sentence or phrase that was not translated (not code,name,uom). */
    private static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z][a-z]+(?:,?[ \\t]+[A-Za-z][a-z]+){2,}\\b");
    /**
     * Data shown as recorded, exempt: the audit log's before and after values (a record's fields as stored) and
     * code samples (column names of an import file, API paths).
     */
    private static final String EXEMPT = "table.changes, code, pre";

    /**
     * English the application writes into stored data (ADR 0078): movement reasons of receipts, consumption, orders,
     * counts, transfers and ownership, the names it gives its own work, approval comments. Short phrases the ENGLISH
     * pattern (three words) does not catch.
     */
    private static final Pattern SYSTEM_TEXT =
            Pattern.compile("\\b(?:VMI receipt|VMI consumption|PO receipt|channel order"
                    + "|cycle count|opening balance|ownership (?:from|to)|transfer (?:to|from|difference)|in transit to"
                    + "|[Ss]ystem|[Ss]cheduler|lets the requester)\\b");

    private static final Pattern MESSAGE_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    /** Proper names that stay as they are in every language: forecasting models, products, formats. */
    private static final Pattern PROPER_NAMES =
            Pattern.compile("Holt-Winters|Holt|Croston|SBA|TSB|Theta|SES|ETS|OpenVMI"
                    + "|Swagger UI|Excel|CSV|XLSX|JSON|API|HTTP|ASN-\\d+|PO-\\d+|REQ-\\d+|ST-\\d+|#\\d+");

    private static final List<String> ROLES = List.of(
            "t-admin", "t-buyer", "t-warehouse", "t-finance", "t-planner", "t-viewer", Fixtures.SUPPLIER_USER_A);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    org.openvmi.rules.internal.RuleStore ruleStore;

    /** Codes and names this test typed: they are data and may look like anything. */
    private final Set<String> data = new LinkedHashSet<>();

    @Test
    void every_role_sees_every_page_of_its_navigation_in_chinese_only(Browser browser) throws Exception {
        Fixtures.ensure(jdbc, users);
        createData();

        List<String> problems = new ArrayList<>();
        for (String user : ROLES) {
            browser.forgetSession();
            browser.logIn(user, Fixtures.PASSWORD);
            Set<String> pages = new LinkedHashSet<>(links(browser, "#sidebar a[href], header .menu a[href]"));
            assertThat(pages).as("the navigation of " + user).hasSizeGreaterThan(1);
            pages.add("/");
            Set<String> visited = new LinkedHashSet<>();
            for (String page : pages) {
                if (check(browser, user, page, problems, visited)) {
                    // the detail page behind the first row of a list
                    links(browser, "main table tbody tr:first-child a[href]").stream()
                            .findFirst()
                            .ifPresent(detail -> check(browser, user, detail, problems, visited));
                }
            }
        }
        // ADR 0078: the pages that show what the system wrote, with such data present, whether or not linked
        Set<String> visited = new LinkedHashSet<>();
        browser.forgetSession();
        browser.logIn("t-admin", Fixtures.PASSWORD);
        for (String page : List.of(
                "/movements?q=" + stockItem,
                "/alerts/" + resolvedAlert,
                "/admin/audit",
                "/admin/webhooks",
                "/admin/webhooks/" + webhook)) {
            check(browser, "t-admin", page, problems, visited);
        }
        // the event type and key are identifiers in <code> (exempt from the language check), so read the whole text
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .as("the webhook's page shows its test delivery")
                .contains("webhook.test");
        browser.forgetSession();
        browser.logIn("t-warehouse", Fixtures.PASSWORD);
        visited.clear();
        check(browser, "t-warehouse", "/movements?q=" + stockItem, problems, visited);
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .as("the movements of the item, with the reasons the system wrote, in Chinese")
                .contains("采购订单收货", "VMI 寄售收货", "VMI 寄售消耗");
        assertThat(problems).as("text on zh-CN pages that is not Chinese").isEmpty();
    }

    /**
     * ADR 0084: what the system writes and pages show (a planning run's failure, the note of a rule the engine
     * switched off, a webhook attempt's error, a requisition refused in a bulk action) is stored with a code and reads
     * in the page's language: in Chinese without English, in English as English; the stored English detail is there
     * behind "详情" / "Details", not as the main text.
     */
    @Test
    void system_texts_read_in_the_pages_language(Browser browser) throws Exception {
        Fixtures.ensure(jdbc, users);
        AlertTestData d = new AlertTestData(mvc, Fixtures.SUPPLIER_A);

        // planning: a run left RUNNING by a stopped instance is failed by the next run that writes (noHeartbeat)
        jdbc.sql("""
                INSERT INTO planning_run (status, phase, item_codes, horizon_days, service_level, started_by, created_at)
                VALUES ('RUNNING', 'FIT', :item, 56, 0.95, 't-planner', :at)""")
                .param("item", d.item)
                .param("at", java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(1))))
                .update();
        long stale =
                jdbc.sql("SELECT MAX(id) FROM planning_run").query(Long.class).single();
        long run = startPlanningRun("{\"items\":[\"" + d.item + "\"]}");
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!List.of("DONE", "FAILED")
                        .contains(read("/api/v1/planning/runs/" + run)
                                .get("status")
                                .asString())
                && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        JsonNode failed = read("/api/v1/planning/runs/" + stale);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("errorCode").asString()).isEqualTo("noHeartbeat");
        assertThat(failed.get("error").asString()).startsWith("no heartbeat for ");
        // and one that failed on an exception
        jdbc.sql("""
                INSERT INTO planning_run (status, phase, horizon_days, service_level, started_by, created_at, error,
                                          error_code)
                VALUES ('FAILED', 'FAILED', 56, 0.95, 't-planner', CURRENT_TIMESTAMP,
                        'IllegalStateException: history window missing', 'failed')""").update();
        long thrown =
                jdbc.sql("SELECT MAX(id) FROM planning_run").query(Long.class).single();

        // a rule the engine switched off after three failed runs
        JsonNode templates =
                json.readTree(mvc.perform(get("/api/v1/rules/templates").with(as(Role.PLANNER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        tools.jackson.databind.node.ObjectNode rule = null;
        for (JsonNode t : templates) {
            if (t.get("key").asString().equals("stale-stock")) {
                rule = (tools.jackson.databind.node.ObjectNode) t.get("rule").deepCopy();
            }
        }
        assertThat(rule).as("the stale-stock template").isNotNull();
        rule.putObject("scope").putArray("items").add(d.item);
        rule.put("enabled", true);
        long ruleId =
                send(as(Role.BUYER), "/api/v1/rules", rule.toString()).get("id").asLong();
        jdbc.sql("UPDATE rule_definition SET consecutive_failures = 3 WHERE id = :id")
                .param("id", ruleId)
                .update();
        ruleStore.disable(
                ruleId,
                org.openvmi.rules.RuleEngine.DISABLED_AFTER_FAILED_RUNS,
                "Disabled after 3 failed runs in a row; last: actions failed: / by zero",
                java.time.Instant.now());

        // a webhook whose receiver refuses the connection: its test delivery fails (refused)
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long hook = send(
                        as(Role.ADMIN),
                        "/api/v1/webhooks",
                        "{\"url\":\"http://127.0.0.1:" + port + "/hook\",\"eventTypes\":[\"alert.raised\"]}")
                .get("id")
                .asLong();
        send(as(Role.ADMIN), "/api/v1/webhooks/" + hook + "/test", "");
        JsonNode attempt = null;
        until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (attempt == null && System.nanoTime() < until) {
            for (JsonNode delivery : json.readTree(mvc.perform(get("/api/v1/webhooks/" + hook + "/deliveries")
                                    .with(as(Role.ADMIN)))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .get("content")) {
                if (delivery.get("attempts").asInt() > 0) {
                    attempt = delivery;
                }
            }
            Thread.sleep(200);
        }
        assertThat(attempt).as("an attempt of the test delivery").isNotNull();
        assertThat(attempt.get("lastErrorCode").asString()).isEqualTo("refused");
        assertThat(attempt.get("attemptLog").get(0).get("errorCode").asString()).isEqualTo("refused");

        // the rule's own failed run in its history (ADR 0091): a subject's condition could not be evaluated
        jdbc.sql("""
                INSERT INTO rule_run (rule_id, window_key, started_at, millis, status, subjects, fired, created, error,
                                      error_code, trigger_kind)
                VALUES (:rule, 'zh-run', CURRENT_TIMESTAMP, 3, 'FAILED', 1, 0, 0, :error, 'evaluation', 'CRON')""")
                .param("rule", ruleId)
                .param("error", d.item + " @ " + d.warehouse + ": / by zero")
                .update();

        // a group robot whose last message failed because its receiver refused the connection (as the sender
        // records it: the English detail and its code); switched off, so nothing else is sent to it
        long robot = send(
                        as(Role.ADMIN),
                        "/api/v1/notifications/robots",
                        "{\"name\":\"zh-robot\",\"kind\":\"DINGTALK\",\"address\":"
                                + "\"https://oapi.dingtalk.com/robot/send?access_token=zh-robot-token\",\"enabled\":false}")
                .get("id")
                .asLong();
        jdbc.sql("""
                INSERT INTO notification_mail (username, to_address, mail_language, mail_kind, subject, body, dedup_key,
                                               status, attempts, next_attempt_at, last_error, last_error_code,
                                               created_at, channel, robot_id)
                VALUES ('t-admin', 'robot', 'zh-CN', 'IMMEDIATE', '机器人测试消息', '正文', :key, 'FAILED', 5,
                        CURRENT_TIMESTAMP, 'ConnectException: Connection refused', 'refused', CURRENT_TIMESTAMP,
                        'DINGTALK', :robot)""").param("key", "zh-robot-" + robot).param("robot", robot).update();

        // an order refused after the last approval, as the audit log recorded it with its code (and an older one
        // without, read from its English)
        for (String after : List.of(
                "{\"reason\":\"item ZH-9 has no supplier on its source list\",\"reasonCode\":\"noSource\","
                        + "\"reasonArgs\":[\"ZH-9\"]}",
                "{\"reason\":\"item ZH-9 has no supplier on its source list\"}")) {
            jdbc.sql("""
                    INSERT INTO audit_log (at, actor, action, entity, entity_key, before_json, after_json)
                    VALUES (CURRENT_TIMESTAMP, 'system', 'ORDER_REFUSED', 'requisition', 'PR-ZH', NULL, :after)""").param("after", after).update();
        }
        data.add("ZH-9");
        data.add("PR-ZH");
        data.add("zh-robot");

        // a requisition waiting for t-buyer, approved in bulk by someone else: refused, reported per document
        send(
                as(Role.ADMIN),
                "/api/v1/approval-rules",
                ("{\"name\":\"zh %s\",\"priority\":10,\"warehouse\":\"%s\","
                                + "\"minAmount\":0,\"maxAmount\":null,\"currency\":\"CNY\",\"urgentApprover\":null,\"approvers\":[\"t-buyer\"]}")
                        .formatted(d.warehouse, d.warehouse));
        long req = requisition(d.warehouse, d.item, "30");

        for (String lang : List.of("zh-CN", "en")) {
            boolean zh = lang.startsWith("zh");
            browser.forgetSession();
            browser.logIn("t-admin", Fixtures.PASSWORD);
            browser.open("/planning/runs?lang=" + lang);
            // the list says why each failed run failed (the latest run, shown above it, may be a later re-plan)
            assertThat(browser.visible(By.cssSelector("#run-" + stale + " .run-row-error"))
                            .getText())
                    .isEqualTo(zh ? "运行它的实例已停止（无心跳）" : "the instance running it stopped (no heartbeat)");
            assertThat(browser.visible(By.cssSelector("#run-" + thrown + " .run-row-error"))
                            .getText())
                    .isEqualTo(zh ? "运行因错误中止" : "the run stopped on an error");

            browser.open("/rules/" + ruleId);
            String note = browser.visible(By.cssSelector("#disabled-reason .disabled-note"))
                    .getText();
            assertThat(note)
                    .isEqualTo(zh ? "连续 3 次运行失败后已被引擎停用" : "Switched off by the engine after 3 failed runs in a row");

            assertThat(browser.visible(By.cssSelector(".rule-run-error-text")).getText())
                    .isEqualTo(zh ? "某个对象的条件或数量无法求值" : "a subject's condition or quantity could not be evaluated");

            browser.open("/admin/robots");
            assertThat(browser.visible(By.cssSelector("#robot-" + robot + " .robot-error-text"))
                            .getText())
                    .isEqualTo(zh ? "连接被拒绝或主机不可达" : "connection refused or host unreachable");

            browser.open("/admin/audit?action=ORDER_REFUSED&entityKey=PR-ZH");
            assertThat(browser.visible(By.cssSelector(".audit-row .badge")).getText())
                    .isEqualTo(zh ? "下单被拒" : "Ordering refused");
            assertThat(browser.visible(By.cssSelector(".audit-row .badge")).getDomAttribute("title"))
                    .as("the action's badge has no tooltip with its raw code (ORDER_REFUSED)")
                    .isNull();

            @SuppressWarnings("unchecked")
            List<String> reasons = (List<String>) browser.script("""
                    return [...document.querySelectorAll('.audit-row table.changes td')].map(td => td.textContent.trim());""");
            assertThat(reasons)
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r)
                            .isEqualTo(zh ? "物料 ZH-9 的货源清单中没有供应商" : "Item ZH-9 has no supplier on its source list"));

            // the approvers field says how to name a role without the role:CODE syntax; the picker offers roles
            browser.open("/approval-rules");
            String approversHint = browser.visible(By.id("rule-approvers")).getDomAttribute("placeholder");
            assertThat(approversHint).doesNotContain("role:").doesNotContain("FINANCE");
            if (zh) {
                assertThat(approversHint).contains("财务").doesNotContainPattern("[A-Za-z]");
            }

            browser.open("/admin/webhooks/" + hook);
            String attemptError =
                    browser.visible(By.cssSelector(".attempt-error")).getText();
            assertThat(attemptError).isEqualTo(zh ? "连接被拒绝或主机不可达" : "connection refused or host unreachable");

            browser.forgetSession();
            browser.logIn("t-planner", Fixtures.PASSWORD);
            browser.open("/requisitions?lang=" + lang);
            browser.script("""
                    document.querySelector('#requisition-' + arguments[0] + ' input[name=ids]').checked = true;
                    const form = document.getElementById('bulk-form');
                    form.action = '/requisitions/bulk-approve';
                    form.submit();""", req);
            String refusal = browser.visible(By.cssSelector("#bulk-results .bulk-refused td.error"))
                    .getText();
            if (zh) {
                assertThat(refusal).contains("等待 t-buyer 审批").doesNotContain("waits for");
                assertThat(refusal.replace("t-buyer", "").replaceAll("PR-\\d+", ""))
                        .as("no English in the Chinese refusal")
                        .doesNotContainPattern("[A-Za-z]");
            } else {
                assertThat(refusal).contains("waits for t-buyer, not for you");
            }
        }
    }

    private String stockItem;
    private long resolvedAlert;
    private long webhook;

    /** Opens the page unless seen already and notes what is not Chinese; true when it was opened. */
    private boolean check(Browser browser, String user, String page, List<String> problems, Set<String> visited) {
        if (!visited.add(page)) {
            return false;
        }
        browser.open(page);
        browser.visible(By.tagName("main"));
        String lang = browser.driver().findElement(By.tagName("html")).getDomAttribute("lang");
        String text = visibleText(browser);
        List<String> found = new ArrayList<>();
        if (lang == null || !lang.startsWith("zh")) {
            found.add("html lang=" + lang);
        }
        if (!browser.driver().findElements(By.id("error-title")).isEmpty()) {
            found.add("error page: " + browser.byId("error-title").getText());
        }
        find(MESSAGE_KEY, text, "message key", found);
        find(ENUM_CODE, text, "enum code", found);
        find(BARE_CODE, text, "code", found);
        find(ENGLISH, text, "English", found);
        find(SYSTEM_TEXT, text, "stored English", found);
        if (!found.isEmpty()) {
            problems.add(user + " " + page + ": " + String.join(" | ", found));
        }
        return true;
    }

    private String visibleText(Browser browser) {
        String text = (String) browser.script("""
                const exempt = [...document.querySelectorAll(arguments[0])];
                const before = exempt.map(e => e.style.display);
                exempt.forEach(e => e.style.display = 'none');
                const text = document.body.innerText;
                exempt.forEach((e, i) => e.style.display = before[i]);
                return text;""", EXEMPT);
        for (String d : data) {
            text = text.replace(d, " ");
        }
        return PROPER_NAMES.matcher(text).replaceAll(" ");
    }

    private static void find(Pattern pattern, String text, String what, List<String> found) {
        Matcher m = pattern.matcher(text);
        Set<String> hits = new LinkedHashSet<>();
        while (m.find() && hits.size() < 5) {
            int from = Math.max(0, m.start() - 15);
            int to = Math.min(text.length(), m.end() + 15);
            hits.add("'" + m.group() + "' in «" + text.substring(from, to).replace('\n', ' ') + "»");
        }
        if (!hits.isEmpty()) {
            found.add(what + ": " + String.join(", ", hits));
        }
    }

    /** Same-origin pages (no logout, language switch, downloads or API) among the links matched by the selector. */
    private static List<String> links(Browser browser, String selector) {
        List<String> out = new ArrayList<>();
        for (WebElement a : browser.driver().findElements(By.cssSelector(selector))) {
            String href = a.getDomAttribute("href");
            if (href == null || !href.startsWith("/") || href.startsWith("//")) {
                continue;
            }
            if (href.startsWith("/logout")
                    || href.contains("lang=")
                    || href.startsWith("/api/")
                    || href.startsWith("/swagger")
                    || href.startsWith("/v3/")
                    || href.startsWith("/actuator")
                    || href.contains("export")
                    || href.contains("format=")
                    || href.contains("/download")
                    || a.getDomAttribute("download") != null) {
                continue;
            }
            out.add(href);
        }
        return out;
    }

    // ---- data, through the API as people would create it

    private void createData() throws Exception {
        // an item below its lines: one alert, escalated; movements RECEIPT and ISSUE
        AlertTestData alert = new AlertTestData(mvc, Fixtures.SUPPLIER_A);
        alert.crossSafetyAndWarning();
        stockItem = alert.item;
        data.add(alert.item);
        // an alert raised and resolved by the stock coming back: resolved by "system"
        AlertTestData recovered = new AlertTestData(mvc, null);
        recovered.crossSafetyAndWarning();
        recovered.recover();
        data.addAll(List.of(recovered.item, recovered.warehouse, recovered.bin, "仓 " + recovered.warehouse));
        resolvedAlert =
                jdbc.sql("""
                        SELECT MAX(id) FROM stock_alert WHERE status = 'RESOLVED'
                          AND item_id = (SELECT id FROM item WHERE code = :i)""").param("i", recovered.item).query(Long.class).single();
        // a webhook with a test delivery (to a receiver nobody listens on: it stays pending or fails)
        webhook = send(
                        as(Role.ADMIN),
                        "/api/v1/webhooks",
                        "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"alert.raised\"],\"active\":false}")
                .get("id")
                .asLong();
        send(as(Role.ADMIN), "/api/v1/webhooks/" + webhook + "/test", "");
        data.add("http://127.0.0.1:9/hook");
        data.add(alert.warehouse);
        data.add(alert.bin);
        String receiving = alert.warehouse + "-RCV";
        String vmi = alert.warehouse + "-VMI";
        send(
                as(Role.ADMIN),
                "/api/v1/warehouses/" + alert.warehouse + "/locations",
                "{\"code\":\"" + receiving + "\",\"type\":\"RECEIVING\"}");
        send(
                as(Role.ADMIN),
                "/api/v1/warehouses/" + alert.warehouse + "/locations",
                "{\"code\":\"" + vmi + "\",\"type\":\"VMI\"}");
        data.add(receiving);
        data.add(vmi);

        // procurement: a requisition approved and ordered, the PO received in part and invoiced; one left submitted
        send(
                as(Role.ADMIN),
                "/api/v1/approval-rules",
                ("{\"name\":\"zh %s\",\"priority\":10,\"warehouse\":\"%s\","
                                + "\"minAmount\":0,\"maxAmount\":null,\"currency\":\"CNY\",\"urgentApprover\":null,\"approvers\":[\"t-buyer\"]}")
                        .formatted(alert.warehouse, alert.warehouse));
        data.add("zh " + alert.warehouse);
        long req = requisition(alert.warehouse, alert.item, "40");
        send(as(Role.BUYER), "/api/v1/requisitions/" + req + "/approve", "{}");
        long po = send(as(Role.BUYER), "/api/v1/purchase-orders", "{\"requisition\":" + req + "}")
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
        send(
                as(Role.WAREHOUSE),
                "/api/v1/receipts",
                "{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":10}]}"
                        .formatted(po, receiving, alert.item));
        String invoice = Fixtures.unique("FP");
        data.add(invoice);
        send(
                as(Role.FINANCE),
                "/api/v1/invoices",
                ("{\"supplier\":\"%s\",\"purchaseOrder\":%d,\"number\":\"%s\","
                                + "\"lines\":[{\"item\":\"%s\",\"qty\":10,\"price\":\"2.70\"}]}")
                        .formatted(Fixtures.SUPPLIER_A, po, invoice, alert.item));
        requisition(alert.warehouse, alert.item, "25");

        // consignment: agreement, ASN received in part, a consumption (ownership transfer), a statement issued
        send(
                as(Role.BUYER),
                "/api/v1/vmi/agreements",
                ("{\"supplier\":\"%s\",\"currency\":\"CNY\",\"replenishWithinHours\":48,"
                                + "\"settlementCycle\":\"MONTHLY\",\"ownershipMode\":\"UNTIL_CONSUMED\",\"validFrom\":\"2026-01-01\","
                                + "\"penaltyTerms\":\"迟到每小时罚款\",\"penaltyPerLateHour\":\"10.00\",\"lines\":[{\"item\":\"%s\","
                                + "\"location\":\"%s\",\"min\":100,\"max\":400,\"price\":\"2.95\"}]}")
                        .formatted(Fixtures.SUPPLIER_A, alert.item, vmi));
        long asn = send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/shipments",
                        "{\"expectedAt\":\"2026-11-25T10:00:00+08:00\",\"lines\":[{\"item\":\"%s\",\"qty\":300,\"lot\":\"L2311\",\"location\":\"%s\"}]}"
                                .formatted(alert.item, vmi))
                .get("id")
                .asLong();
        data.add("L2311");
        send(
                as(Role.WAREHOUSE),
                "/api/v1/shipments/" + asn + "/receive",
                "{\"lines\":[{\"item\":\"" + alert.item + "\",\"qty\":298,\"lot\":\"L2311\"}]}");
        send(
                as(Role.WAREHOUSE),
                "/api/v1/vmi/consumptions",
                "{\"item\":\"" + alert.item + "\",\"location\":\"" + vmi + "\",\"qty\":12,\"reference\":\"WO-1002\"}");
        data.add("WO-1002");
        data.add("T-ALERT");
        LocalDate today = LocalDate.now();
        // a period of its own: one supplier and period make one statement, and other tests settle T-SUP-A too
        long statement = send(
                        as(Role.FINANCE),
                        "/api/v1/settlements",
                        "{\"supplier\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
                                .formatted(
                                        Fixtures.SUPPLIER_A,
                                        today.withDayOfMonth(1).minusDays(17),
                                        today.withDayOfMonth(today.lengthOfMonth())))
                .get("id")
                .asLong();
        send(as(Role.FINANCE), "/api/v1/settlements/" + statement + "/issue", "");

        // stock documents: a transfer to a second warehouse shipped and received in part, a count left open
        String other = Fixtures.unique("ZW");
        send(as(Role.ADMIN), "/api/v1/warehouses", "{\"code\":\"" + other + "\",\"name\":\"第二仓\"}");
        send(
                as(Role.ADMIN),
                "/api/v1/warehouses/" + other + "/locations",
                "{\"code\":\"" + other + "-B1\",\"type\":\"STORAGE\"}");
        send(
                as(Role.ADMIN),
                "/api/v1/warehouses/" + other + "/locations",
                "{\"code\":\"" + other + "-TRANSIT\",\"type\":\"IN_TRANSIT\"}");
        data.addAll(List.of(other, other + "-B1", other + "-TRANSIT", "第二仓"));
        long transfer = send(
                        as(Role.WAREHOUSE),
                        "/api/v1/transfers",
                        ("{\"from\":\"%s\",\"to\":\"%s\",\"reference\":\"TR-ZH\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":5}]}")
                                .formatted(alert.bin, other + "-B1", alert.item))
                .get("id")
                .asLong();
        data.add("TR-ZH");
        send(as(Role.WAREHOUSE), "/api/v1/transfers/" + transfer + "/ship", "");
        send(
                as(Role.WAREHOUSE),
                "/api/v1/transfers/" + transfer + "/receive",
                "{\"lines\":[{\"item\":\"" + alert.item + "\",\"qty\":2}]}");
        send(as(Role.WAREHOUSE), "/api/v1/counts", "{\"location\":\"" + alert.bin + "\"}");

        // planning: an item without stock with half a year of weekly demand, then a run over the warehouse
        String planned = Fixtures.unique("ZP");
        send(as(Role.ADMIN), "/api/v1/items", "{\"code\":\"" + planned + "\",\"name\":\"六角螺母\",\"uom\":\"PCS\"}");
        send(
                as(Role.ADMIN),
                "/api/v1/suppliers/" + Fixtures.SUPPLIER_A + "/items",
                "{\"item\":\"" + planned + "\",\"price\":1.5,\"leadTimeDays\":7}");
        data.addAll(List.of(planned, "六角螺母"));
        send(
                as(Role.WAREHOUSE),
                "/api/v1/movements",
                ("{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"%s\",\"location\":\"%s\","
                                + "\"owner\":\"OWN\",\"qty\":5,\"reference\":\"T-ALERT\"}]}")
                        .formatted(planned, alert.bin));
        LocalDate sunday = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        for (int week = 0; week < 52; week++) {
            jdbc.sql("""
                    INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty)
                    VALUES ((SELECT id FROM item WHERE code = :i), (SELECT id FROM warehouse WHERE code = :w), :d, 40)""")
                    .param("i", planned)
                    .param("w", alert.warehouse)
                    .param("d", java.sql.Date.valueOf(sunday.minusDays(7L * week + 4)))
                    .update();
        }
        long run = startPlanningRun("{\"warehouse\":\"" + alert.warehouse + "\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status;
        do {
            Thread.sleep(100);
            status = read("/api/v1/planning/runs/" + run).get("status").asString();
        } while (!"DONE".equals(status) && !"FAILED".equals(status) && System.nanoTime() < deadline);
        assertThat(status).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_suggestion WHERE run_id = :r")
                        .param("r", run)
                        .query(Long.class)
                        .single())
                .as("suggestions of the planning run")
                .isPositive();

        data.addAll(List.of(Fixtures.SUPPLIER_A, Fixtures.SUPPLIER_B, "深沟球轴承", "迟到每小时罚款"));
        data.addAll(ROLES);
        data.add("t-sup-b");
    }

    private long requisition(String warehouse, String item, String qty) throws Exception {
        long id = send(
                        as(Role.PLANNER),
                        "/api/v1/requisitions",
                        ("{\"warehouse\":\"%s\",\"urgent\":false,\"lines\":[{\"item\":\"%s\","
                                        + "\"qty\":%s,\"neededBy\":\"%s\"}]}")
                                .formatted(warehouse, item, qty, LocalDate.now().plusDays(10)))
                .get("id")
                .asLong();
        send(as(Role.PLANNER), "/api/v1/requisitions/" + id + "/submit", "");
        return id;
    }

    private JsonNode send(RequestPostProcessor who, String path, String body) throws Exception {
        var response = mvc.perform(post(path)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus())
                .as(path + " " + response.getContentAsString())
                .isLessThan(300);
        String content = response.getContentAsString();
        return content.isBlank() ? json.createObjectNode() : json.readTree(content);
    }

    /**
     * Starts a planning run; while another one over an overlapping scope is live (409: a re-plan of the browser
     * tests' shared context, or another test's run) it waits for that one to end, for up to 60 s.
     */
    private long startPlanningRun(String body) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var response = mvc.perform(post("/api/v1/planning/runs")
                            .with(as(Role.PLANNER))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 409 || System.nanoTime() > deadline) {
                assertThat(response.getStatus())
                        .as("/api/v1/planning/runs " + response.getContentAsString())
                        .isLessThan(300);
                return json.readTree(response.getContentAsString()).get("id").asLong();
            }
            Thread.sleep(500);
        }
    }

    private JsonNode read(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(as(Role.VIEWER)))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
