package org.openvmi.transferplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.security.UserDirectory;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The transfer board as people use it: a planner plans in Chinese and sees the cover chart and the move with its
 * reason and both costs, accepts it and sees the transfer order; the warehouse keeps the lanes in English; a viewer
 * reads the board without buttons; a supplier is refused and has no menu entry.
 */
@BrowserTest
class TransferBoardBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    InventoryLedger ledger;

    @Autowired
    StockPolicies policies;

    @Autowired
    TransferLanes lanes;

    private final String item = Fixtures.unique("BTI");
    private final String w1 = Fixtures.unique("BT1");
    private final String w2 = Fixtures.unique("BT2");

    private void data() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            for (String w : List.of(w1, w2)) {
                WarehouseCommand c = new WarehouseCommand();
                c.setCode(w);
                c.setName("看板仓 " + w);
                warehouses.create(c);
                for (var t : List.of(LocationType.STORAGE, LocationType.IN_TRANSIT)) {
                    LocationCommand l = new LocationCommand();
                    l.setCode(w + (t == LocationType.STORAGE ? "-A1" : "-TR"));
                    l.setType(t);
                    warehouses.createLocation(w, l);
                }
                StockPolicyCommand p = new StockPolicyCommand();
                p.setSafety(new BigDecimal("20"));
                p.setWarning(new BigDecimal("40"));
                p.setMax(new BigDecimal("100"));
                p.setServiceLevel(new BigDecimal("0.95"));
                p.setMode(PolicyMode.MANUAL);
                ItemCommand i = new ItemCommand();
                if (w.equals(w1)) {
                    i.setCode(item);
                    i.setName("看板物料 " + item);
                    i.setUom("PCS");
                    items.create(i);
                    SupplierItemCommand s = new SupplierItemCommand();
                    s.setItem(item);
                    s.setPrice(new BigDecimal("6.00"));
                    s.setCurrency("CNY");
                    s.setLeadTimeDays(5);
                    s.setPackSize(new BigDecimal("5"));
                    suppliers.addSource(Fixtures.SUPPLIER_A, s);
                }
                policies.put(item, w, p);
            }
            ledger.post(
                    new PostingRequest(List.of(new MovementRequest(
                            "RECEIPT", item, w2 + "-A1", "OWN", null, new BigDecimal("250"), null, null, "T-TPB"))),
                    null);
            lanes.create(new TransferLaneRequest(w2, w1, new BigDecimal("0.80"), 2, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Waits until the element contains the text. */
    private static void shows(Browser browser, By by, String text) {
        browser.await(
                by + " to contain '" + text + "'",
                org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    @Test
    void a_planner_plans_and_accepts_the_warehouse_keeps_lanes_a_viewer_reads_and_a_supplier_is_refused(
            Browser browser) {
        Fixtures.ensure(jdbc, users);
        data();

        browser.logIn("t-planner", Fixtures.PASSWORD).open("/transfer-plans");
        browser.awaitText(By.tagName("h1"), "调拨看板");
        browser.type("warehouses", w1 + "," + w2);
        browser.type("items", item);
        browser.click("plan-run");
        shows(browser, By.id("plan-head"), "计划 ");
        shows(browser, By.id("move-table"), w2);
        assertThat(browser.byId("move-table").getText())
                .contains(item)
                .contains(w1)
                .contains("40")
                .contains("提前期内低于安全库存")
                .contains("高于最大库存");
        assertThat(browser.byId("plan-status").getText()).isEqualTo("待接受");
        browser.await(
                "the cover chart drawn",
                d -> !d.findElements(By.cssSelector("#cover-chart canvas")).isEmpty());
        browser.screenshot("transfer-board-zh");
        browser.click("plan-accept");
        browser.awaitText("plan-status", "已接受");
        assertThat(browser.driver().findElements(By.cssSelector("#move-table a[href^='/transfers/']")))
                .hasSize(1);
        String plan = browser.currentPath();

        Browser warehouse = browser.another().logIn("t-warehouse", Fixtures.PASSWORD);
        warehouse.open("/transfer-lanes?lang=en");
        warehouse.awaitText(By.tagName("h1"), "Transfer lanes");
        assertThat(warehouse.byId("lane-table").getText()).contains(w2).contains(w1);
        warehouse.type("from", w1).type("to", w2).type("costPerUnit", "1.2").type("transitDays", "3");
        warehouse.click("lane-add");
        shows(warehouse, By.cssSelector(".flash-area"), "Lanes saved");
        assertThat(warehouse.byId("lane-table").getText()).contains("1.20");
        warehouse.screenshot("transfer-lanes-en");

        Browser viewer = browser.another().logIn("t-viewer", Fixtures.PASSWORD);
        viewer.open(plan + "?lang=en");
        viewer.awaitText(By.tagName("h1"), "Transfer board");
        assertThat(viewer.byId("move-table").getText()).contains("Below safety within the lead time");
        assertThat(viewer.driver().findElements(By.id("plan-form"))).isEmpty();
        assertThat(viewer.driver().findElements(By.id("plan-accept"))).isEmpty();
        assertThat(viewer.driver().findElements(By.id("nav-transfer-board"))).isNotEmpty();
        viewer.screenshot("transfer-board-en");

        Browser supplier = browser.another().logIn(Fixtures.SUPPLIER_USER_A, Fixtures.PASSWORD);
        supplier.open("/transfer-plans");
        shows(supplier, By.id("error-title"), "403");
        assertThat(supplier.driver().findElements(By.id("nav-transfer-board"))).isEmpty();
    }
}
