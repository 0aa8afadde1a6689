package org.openvmi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The rule pages as people use them: a buyer starts from the stale-stock template in Chinese, types a bad condition
 * and sees its line and column, fixes it, sees the dry-run table, saves; a planner dry-runs it in English; the engine
 * runs it and an admin closes the clearance task it opened, in both languages; a supplier is refused.
 */
@BrowserTest
class RulesBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    InventoryLedger ledger;

    @Autowired
    RuleEngine engine;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.openvmi.channels.Channels channels;

    private String stockedItem() {
        return stocked()[0];
    }

    /** A channel drawing on the warehouse, made as an admin; its code. */
    private String channelOn(String warehouse) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            String code = Fixtures.unique("BCH");
            channels.create(new org.openvmi.channels.ChannelRequest(
                    code, "门店 " + code, 2, List.of(warehouse), new BigDecimal("50"), null, null, null, null));
            return code;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An item with 40 received at a new warehouse: {item, warehouse}. */
    private String[] stocked() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            String wh = Fixtures.unique("BW");
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(wh);
            w.setName("规则仓 " + wh);
            warehouses.create(w);
            LocationCommand l = new LocationCommand();
            l.setCode(wh + "-B1");
            l.setType(LocationType.STORAGE);
            warehouses.createLocation(wh, l);
            String code = Fixtures.unique("BI");
            ItemCommand c = new ItemCommand();
            c.setCode(code);
            c.setName("呆滞物料 " + code);
            c.setUom("PCS");
            items.create(c);
            ledger.post(
                    new PostingRequest(List.of(new MovementRequest(
                            "RECEIPT", code, wh + "-B1", "OWN", null, new BigDecimal("40"), null, null, "T-RULES"))),
                    null);
            return new String[] {code, wh};
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Waits until the element (an id, or a locator) contains the text. */
    private static void shows(Browser browser, Object where, String text) {
        By by = where instanceof By b ? b : By.id((String) where);
        browser.await(
                by + " to contain '" + text + "'",
                org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    @Test
    void a_buyer_writes_a_rule_from_a_template_a_planner_dry_runs_it_and_an_admin_closes_its_clearance_task(
            Browser browser) {
        Fixtures.ensure(jdbc, users);
        String item = stockedItem();

        browser.logIn("t-buyer", Fixtures.PASSWORD).open("/rules");
        browser.awaitText(By.tagName("h1"), "业务规则");
        browser.click("template-stale-stock");
        // the template's name and description come in the page's language, not "Stale stock"
        assertThat(browser.byId("name").getAttribute("value")).isEqualTo("呆滞预警");
        assertThat(browser.byId("description").getAttribute("value")).startsWith("60 天无出库");
        browser.byId("condition").clear();
        browser.type("condition", "onHand > 0.0 &&\n  onHnd < 5.0");
        browser.type("items", item);
        browser.click("validate");
        shows(browser, "validation-errors", "第 2 行第 3 列");
        assertThat(browser.byId("condition-error").getText()).contains("第 2 行第 3 列");
        browser.screenshot("rules-editor-error-zh");

        browser.byId("condition").clear();
        browser.type("condition", "onHand + 1.0");
        browser.click("validate");
        shows(browser, "validation-errors", "表达式的结果是 double；条件必须得出 true 或 false");
        assertThat(browser.byId("condition-error").getText())
                .contains("条件必须得出 true 或 false")
                .doesNotContain("is needed");

        browser.byId("condition").clear();
        browser.type("condition", "onHand > 0.0");
        browser.click("validate");
        shows(browser, "validation-ok", "条件有效");
        shows(browser, "dry-run-summary", "读取 1 个对象，1 个触发");
        assertThat(browser.byId("dry-run-table").getText()).contains(item).contains("呆滞风险");
        browser.type("testItem", item);
        browser.click("test-item");
        shows(browser, "item-test-table", "触发");
        assertThat(browser.byId("item-test-table").getText()).contains(item).contains("onHand=40");
        browser.byId("testItem").clear();
        browser.type("testItem", "NO-SUCH");
        browser.click("test-item");
        shows(browser, "item-test-none", "NO-SUCH 在任何仓库都没有库存或未结单据");
        browser.byId("testItem").clear();
        browser.click("save");
        browser.awaitText("dry-run", "立即试运行");
        String path = browser.currentPath();
        assertThat(path).matches("/rules/\\d+");
        long id = Long.parseLong(path.substring("/rules/".length()));
        assertThat(browser.byId("version-table").getText()).contains("创建").contains("t-buyer");
        browser.screenshot("rules-editor-zh");

        // back-test in Chinese: the stock came today, so of the last 90 days only today fires
        browser.click("backtest");
        shows(browser, "backtest-summary", "最近 90 天");
        assertThat(browser.byId("backtest-summary").getText()).contains("1 个对象：共触发 1 次，涉及 1 天");
        assertThat(browser.byId("backtest-table").getText()).contains(item);
        assertThat(browser.byId("backtest-actions").getText()).contains("预警: 1").contains("清理任务: 1");
        assertThat(browser.byId("backtest-result").getText())
                .doesNotContain("Back-test")
                .doesNotContain("ALERT");
        browser.screenshot("rules-backtest-zh");
        browser.byId("backtest-days").clear();
        browser.type("backtest-days", "400");
        browser.click("backtest");
        shows(browser, "backtest-days-error", "天数须在 1 到 365 之间");
        assertThat(browser.driver().findElements(By.id("backtest-result"))).isEmpty();

        Browser planner = browser.another().logIn("t-planner", Fixtures.PASSWORD);
        planner.open("/rules?lang=en");
        planner.awaitText(By.tagName("h1"), "Rules");
        planner.open("/rules/" + id);
        planner.click("dry-run");
        shows(planner, "dry-run-summary", "1 subjects read, 1 fire");
        assertThat(planner.byId("dry-run-table").getText()).contains("Stale risk: " + item);
        planner.screenshot("rules-dry-run-en");
        planner.byId("backtest-days").clear();
        planner.type("backtest-days", "0");
        planner.click("backtest");
        shows(planner, "backtest-days-error", "from 1 to 365");
        planner.byId("backtest-days").clear();
        planner.type("backtest-days", "30");
        planner.click("backtest");
        shows(planner, "backtest-summary", "Over the last 30 days");
        assertThat(planner.byId("backtest-summary").getText()).contains("1 subjects: 1 firings on 1 days");
        assertThat(planner.byId("backtest-table").getText()).contains(item);
        assertThat(planner.byId("backtest-actions").getText())
                .contains("Alert: 1")
                .contains("Clearance task: 1");
        planner.screenshot("rules-backtest-en");
        planner.type("testItem", item);
        planner.click("test-item");
        shows(planner, "item-test-table", "Fires");
        assertThat(planner.byId("item-test-table").getText()).contains(item).doesNotContain("Does not fire");

        RuleRunView run = engine.run(id, clock.instant());
        assertThat(run.created()).isEqualTo(2);

        Browser admin = browser.another().logIn("t-admin", Fixtures.PASSWORD);
        admin.open("/clearance-tasks");
        admin.awaitText(By.tagName("h1"), "清理任务");
        assertThat(admin.byId("task-table").getText()).contains(item).contains("待处理");
        admin.open("/rules/" + id);
        shows(admin, "run-table", "成功");
        admin.open("/clearance-tasks?lang=en");
        admin.awaitText(By.tagName("h1"), "Clearance tasks");
        admin.driver()
                .findElement(By.cssSelector("#task-table tr[id^='task-'] button[type='submit']"))
                .click();
        shows(admin, By.cssSelector(".flash-area"), "closed");
        admin.open("/clearance-tasks?status=DONE");
        assertThat(admin.byId("task-table").getText()).contains(item).contains("Done");
        admin.screenshot("clearance-tasks-en");

        Browser supplier = browser.another().logIn(Fixtures.SUPPLIER_USER_A, Fixtures.PASSWORD);
        supplier.open("/rules");
        shows(supplier, "error-title", "403");
        supplier.open("/clearance-tasks");
        shows(supplier, "error-title", "403");
        assertThat(supplier.driver().findElements(By.id("nav-rules"))).isEmpty();
    }

    @Test
    void a_buyer_pauses_an_item_on_a_channel_by_a_rule_from_the_template_and_a_bad_safety_line_is_named_zh_and_en(
            Browser browser) {
        Fixtures.ensure(jdbc, users);
        String[] stocked = stocked();
        String item = stocked[0];
        String channel = channelOn(stocked[1]);

        browser.logIn("t-buyer", Fixtures.PASSWORD).open("/rules");
        browser.awaitText(By.tagName("h1"), "业务规则");
        browser.click("template-channel-pause");
        assertThat(browser.byId("name").getAttribute("value")).isEqualTo("渠道暂停");
        assertThat(browser.byId("channelPause1").isSelected()).isTrue();
        new org.openqa.selenium.support.ui.Select(browser.byId("pauseChannel")).selectByValue(channel);
        browser.byId("condition").clear();
        browser.type("condition", "channelAvailable[\"" + channel + "\"] < 50.0");
        browser.type("items", item);
        browser.byId("safetyLine1").click();
        browser.type("safetyQuantity", "-5");
        browser.click("validate");
        shows(browser, "safetyQuantity-error", "安全线须在 0 到 1000000000000 之间");
        assertThat(browser.driver().findElements(By.id("quantity-error")))
                .as("the safety line's error is not put on the purchase quantity")
                .isEmpty();
        browser.screenshot("rules-channel-safety-error-zh");

        browser.byId("safetyLine1").click();
        browser.click("validate");
        shows(browser, "dry-run-summary", "读取 1 个对象，1 个触发");
        assertThat(browser.byId("dry-run-table").getText())
                .contains("暂停该物料在渠道销售: " + channel)
                .contains(channel + "=40");
        browser.click("save");
        browser.awaitText("dry-run", "立即试运行");
        long id = Long.parseLong(browser.currentPath().substring("/rules/".length()));
        assertThat(engine.run(id, clock.instant()).created()).isEqualTo(1);
        browser.open("/channels");
        shows(browser, "pause-log", "由规则 #" + id);
        browser.screenshot("channels-paused-by-rule-zh");

        Browser planner = browser.another().logIn("t-planner", Fixtures.PASSWORD);
        planner.open("/rules?lang=en");
        planner.awaitText(By.tagName("h1"), "Rules");
        planner.open("/rules/" + id);
        planner.awaitText("dry-run", "Dry-run now");
        assertThat(planner.byId("channelPause1").isSelected()).isTrue();
        assertThat(planner.byId("actions").getText())
                .contains("Pause the item on a channel")
                .contains("Resume the item on a channel");
        assertThat(new org.openqa.selenium.support.ui.Select(planner.byId("pauseChannel"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(channel);
        planner.screenshot("rules-channel-pause-en");
    }

    @Autowired
    org.openvmi.stockpolicy.StockPolicies policies;

    /** An item with 5 at a warehouse below its warning line (10 / 20 / 50) and 80 at another: {item, low, rich}. */
    private String[] twoWarehouses() {
        String[] low = stocked(); // 40 received
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            String rich = Fixtures.unique("BW");
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(rich);
            w.setName("调出仓 " + rich);
            warehouses.create(w);
            LocationCommand l = new LocationCommand();
            l.setCode(rich + "-B1");
            l.setType(LocationType.STORAGE);
            warehouses.createLocation(rich, l);
            ledger.post(
                    new PostingRequest(List.of(
                            new MovementRequest(
                                    "ISSUE",
                                    low[0],
                                    low[1] + "-B1",
                                    "OWN",
                                    null,
                                    new BigDecimal("35"),
                                    null,
                                    null,
                                    "T-RULES"),
                            new MovementRequest(
                                    "RECEIPT",
                                    low[0],
                                    rich + "-B1",
                                    "OWN",
                                    null,
                                    new BigDecimal("80"),
                                    null,
                                    null,
                                    "T-RULES"))),
                    null);
            org.openvmi.stockpolicy.StockPolicyCommand c = new org.openvmi.stockpolicy.StockPolicyCommand();
            c.setSafety(new BigDecimal("10"));
            c.setWarning(new BigDecimal("20"));
            c.setMax(new BigDecimal("50"));
            policies.put(low[0], low[1], c);
            return new String[] {low[0], low[1], rich};
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_buyer_writes_a_transfer_rule_and_a_service_level_rule_and_their_errors_land_on_their_fields_zh_and_en(
            Browser browser) {
        Fixtures.ensure(jdbc, users);
        String[] subject = twoWarehouses();
        String item = subject[0];

        browser.logIn("t-buyer", Fixtures.PASSWORD).open("/rules");
        browser.awaitText(By.tagName("h1"), "业务规则");
        browser.click("template-transfer-suggestion");
        assertThat(browser.byId("name").getAttribute("value")).isEqualTo("调拨建议");
        assertThat(browser.byId("transfer1").isSelected()).isTrue();
        assertThat(browser.byId("transferQuantity").getAttribute("value")).isEqualTo("max - available");
        browser.type("items", item);
        browser.type("fromWarehouse", "NO-SUCH-WH");
        browser.click("validate");
        shows(browser, "fromWarehouse-error", "仓库“NO-SUCH-WH”不存在");
        assertThat(browser.driver().findElements(By.id("transferQuantity-error")))
                .isEmpty();
        browser.screenshot("rules-transfer-error-zh");

        browser.byId("fromWarehouse").clear();
        browser.click("validate");
        shows(browser, "dry-run-summary", "1 个触发");
        assertThat(browser.byId("dry-run-table").getText()).contains("调拨建议: 从 " + subject[2] + " 调出 45");
        browser.screenshot("rules-transfer-dry-run-zh");
        browser.click("save");
        browser.awaitText("dry-run", "立即试运行");
        long id = Long.parseLong(browser.currentPath().substring("/rules/".length()));
        assertThat(engine.run(id, clock.instant()).created()).isEqualTo(1);
        browser.open("/planning/suggestions?type=TRANSFER&item=" + item);
        shows(browser, "suggestion-table", subject[2]);
        browser.screenshot("rules-transfer-suggestion-zh");

        Browser en = browser.another().logIn("t-buyer", Fixtures.PASSWORD);
        en.open("/rules/new?lang=en");
        en.awaitText(By.tagName("h1"), "New rule");
        en.type("name", "Service level " + item);
        // the rule's warehouse named: a re-plan after the receipts may give the source warehouse a DYNAMIC policy of
        // its own (whether it has finished by now depends on the machine), and the rule is about the manual one
        en.type("condition", "hasPolicy && warehouse == \"" + subject[1] + "\"");
        en.type("items", item);
        en.byId("serviceLevelAction1").click();
        en.type("serviceLevel", "0.4");
        en.click("validate");
        shows(en, "serviceLevel-error", "A service level from 0.5 up to (not including) 1");
        en.screenshot("rules-service-level-error-en");
        en.byId("serviceLevel").clear();
        en.type("serviceLevel", "0.98");
        en.click("validate");
        shows(en, "dry-run-table", "Set the service level: 0.98");
        en.click("save");
        en.awaitText("dry-run", "Dry-run now");
        long level = Long.parseLong(en.currentPath().substring("/rules/".length()));
        assertThat(engine.run(level, clock.instant()).created()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT updated_by FROM stock_policy p JOIN item i ON i.id = p.item_id"
                                + " JOIN warehouse w ON w.id = p.warehouse_id WHERE i.code = :c AND w.code = :w")
                        .param("c", item)
                        .param("w", subject[1])
                        .query(String.class)
                        .single())
                .isEqualTo("rule:" + level);
        en.open("/rules/" + id + "?lang=en");
        en.awaitText("dry-run", "Dry-run now");
        assertThat(en.byId("transfer1").isSelected()).isTrue();
        assertThat(en.byId("actions").getText()).contains("Transfer suggestion").contains("Set the service level");
        en.screenshot("rules-transfer-en");
    }
}
