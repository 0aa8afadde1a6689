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
}
