package org.openvmi.channels;

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
 * The channel allocation page as people use it: a warehouse user in Chinese and a buyer in English see each channel's
 * available-to-sell of an item, the channel paused for it highlighted, and the pause in the log; a supplier is refused
 * and has no menu entry.
 */
@BrowserTest
class ChannelsBrowserIT {

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
    Channels channels;

    @Autowired
    ChannelOrders orders;

    private String[] setUp() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            String wh = Fixtures.unique("BW");
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(wh);
            w.setName("渠道仓 " + wh);
            warehouses.create(w);
            LocationCommand l = new LocationCommand();
            l.setCode(wh + "-B1");
            l.setType(LocationType.STORAGE);
            warehouses.createLocation(wh, l);
            String item = Fixtures.unique("BI");
            ItemCommand c = new ItemCommand();
            c.setCode(item);
            c.setName("渠道物料 " + item);
            c.setUom("PCS");
            items.create(c);
            ledger.post(
                    new PostingRequest(List.of(new MovementRequest(
                            "RECEIPT", item, wh + "-B1", "OWN", null, BigDecimal.TEN, null, null, "T-CHANNELS"))),
                    null);
            String shop = Fixtures.unique("SHOP");
            String b2b = Fixtures.unique("B2B");
            channels.create(new ChannelRequest(shop, "网店", 1, List.of(wh), null, null, null, null, null));
            channels.create(new ChannelRequest(
                    b2b, "批发", 2, List.of(wh), new BigDecimal("30"), null, null, new BigDecimal("8"), null));
            orders.place(
                    shop,
                    new ChannelOrderRequest("SO-1", List.of(new ChannelOrderRequest.Line(item, new BigDecimal("5")))));
            return new String[] {item, shop, b2b};
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void warehouse_and_buyer_see_atp_per_channel_with_the_paused_channel_highlighted_and_a_supplier_is_refused(
            Browser browser) {
        Fixtures.ensure(jdbc, users);
        String[] s = setUp();
        String item = s[0];
        String b2b = s[2];

        browser.logIn("t-warehouse", Fixtures.PASSWORD).open("/channels?items=" + item);
        browser.awaitText(By.tagName("h1"), "渠道分配");
        assertThat(browser.byId("nav-channels").getText()).isEqualTo("渠道分配");
        String row = browser.byId("atp-" + item).getText();
        assertThat(row).contains(item).contains("已暂停");
        assertThat(browser.driver()
                        .findElements(By.cssSelector("#atp-" + item + " td.atp-paused[data-channel='" + b2b + "']")))
                .hasSize(1);
        assertThat(browser.byId("channel-" + b2b).getText()).contains("30 %");
        assertThat(browser.byId("pause-log").getText())
                .contains(b2b)
                .contains(item)
                .contains("已暂停");
        assertThat(browser.byId("channel-table").getText())
                .doesNotContain("PAUSED")
                .doesNotContain("ACTIVE");
        browser.screenshot("channels-zh");

        Browser buyer = browser.another().logIn("t-buyer", Fixtures.PASSWORD);
        buyer.open("/channels?lang=en&items=" + item);
        buyer.awaitText(By.tagName("h1"), "Channel allocation");
        assertThat(buyer.byId("atp-" + item).getText()).contains("Paused");
        assertThat(buyer.byId("pause-log").getText()).contains(b2b);
        buyer.screenshot("channels-en");

        Browser supplier = browser.another().logIn(Fixtures.SUPPLIER_USER_A, Fixtures.PASSWORD);
        supplier.open("/channels");
        supplier.await(
                "403",
                org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.id("error-title"), "403"));
        assertThat(supplier.driver().findElements(By.id("nav-channels"))).isEmpty();
    }

    @Test
    void a_buyer_creates_and_edits_a_channel_through_the_form_in_both_languages_and_a_warehouse_user_cannot(
            Browser browser) {
        Fixtures.ensure(jdbc, users);
        String[] s = setUp();
        String b2b = s[2];
        String wh = jdbc.sql("SELECT w.code FROM channel c JOIN channel_warehouse cw ON cw.channel_id = c.id "
                        + "JOIN warehouse w ON w.id = cw.warehouse_id WHERE c.code = :c")
                .param("c", b2b)
                .query(String.class)
                .single();
        String market = Fixtures.unique("MKT");

        // English: a refusal at its field, then the channel saved
        Browser buyer = browser.logIn("t-buyer", Fixtures.PASSWORD);
        buyer.open("/channels?lang=en");
        buyer.click("channel-new");
        buyer.awaitText(By.tagName("h1"), "New channel");
        buyer.type("code", market)
                .type("name", "Marketplace")
                .type("priority", "3")
                .type("warehouses", wh)
                .type("percentage", "20")
                .type("fixedQuota", "5");
        buyer.click("save");
        buyer.awaitText("fixedQuota-error", "Give a percentage or a fixed quota, not both");
        buyer.screenshot("channel-form-en-refused");
        buyer.driver().findElement(By.id("fixedQuota")).clear();
        buyer.type("pauseBelow", "4").click("save");
        buyer.awaitText(By.tagName("h1"), "Channel allocation");
        assertThat(buyer.byId("channel-" + market).getText()).contains("20 %").contains("Marketplace");

        // Chinese: the edit form shows the rule as stored; saved unchanged it changes nothing
        long version = version(market);
        buyer.open("/channels/" + market + "/edit?lang=zh_CN");
        buyer.awaitText(By.tagName("h1"), "编辑渠道 " + market);
        assertThat(buyer.byId("percentage").getAttribute("value")).isEqualTo("20");
        assertThat(buyer.byId("pauseBelow").getAttribute("value")).isEqualTo("4");
        buyer.click("save");
        buyer.awaitText(By.tagName("h1"), "渠道分配");
        assertThat(version(market)).isEqualTo(version);
        buyer.open("/channels/" + market + "/edit");
        buyer.driver().findElement(By.id("safetyBuffer")).clear();
        buyer.type("safetyBuffer", "-2").click("save");
        buyer.awaitText("safetyBuffer-error", "不能为负数");
        assertThat(buyer.byId("channel-form").getText()).doesNotContain("must").doesNotContain("Must");
        buyer.screenshot("channel-form-zh-refused");
        assertThat(version(market)).isEqualTo(version);

        // a warehouse user sees the allocation but no form
        Browser warehouse = browser.another().logIn("t-warehouse", Fixtures.PASSWORD);
        warehouse.open("/channels");
        warehouse.awaitText(By.tagName("h1"), "渠道分配");
        assertThat(warehouse.driver().findElements(By.id("channel-new"))).isEmpty();
        assertThat(warehouse.driver().findElements(By.id("edit-" + market))).isEmpty();
    }

    private long version(String channel) {
        return jdbc.sql("SELECT version FROM channel WHERE code = :c")
                .param("c", channel)
                .query(Long.class)
                .single();
    }
}
