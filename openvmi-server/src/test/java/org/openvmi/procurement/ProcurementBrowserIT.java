package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole chain in headless chromium, each person in their own role: the planner asks, the buyer and finance
 * approve, the buyer orders, the supplier answers with a later date in the portal, the buyer accepts, the warehouse
 * receives in two deliveries, the supplier invoices and sees it matched; the PO's timeline shows every step.
 */
@BrowserTest
class ProcurementBrowserIT {

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
    ApprovalRules rules;

    final String warehouse = Fixtures.unique("BW");
    final String receiving = warehouse + "-RCV";
    final String item = Fixtures.unique("NUT");

    @BeforeEach
    void masterData() {
        Fixtures.ensure(jdbc, users);
        WarehouseCommand w = new WarehouseCommand();
        w.setCode(warehouse);
        w.setName("浏览器测试仓");
        warehouses.create(w);
        LocationCommand l = new LocationCommand();
        l.setCode(receiving);
        l.setType(LocationType.RECEIVING);
        warehouses.createLocation(warehouse, l);
        ItemCommand i = new ItemCommand();
        i.setCode(item);
        i.setName("六角螺母 M8");
        i.setUom("PCS");
        items.create(i);
        SupplierItemCommand s = new SupplierItemCommand();
        s.setItem(item);
        s.setPrice(new BigDecimal("2"));
        s.setCurrency("CNY");
        s.setMoq(BigDecimal.ONE);
        s.setPackSize(BigDecimal.TEN);
        s.setLeadTimeDays(5);
        s.setPrimary(true);
        suppliers.addSource(Fixtures.SUPPLIER_A, s);
        rules.create(new ApprovalRuleRequest(
                "browser " + warehouse,
                10,
                null,
                warehouse,
                BigDecimal.ZERO,
                null,
                "CNY",
                List.of("t-buyer", "t-finance"),
                null,
                true));
    }

    void as(Browser browser, String user) {
        browser.forgetSession();
        browser.logIn(user, Fixtures.PASSWORD);
    }

    long idFrom(Browser browser, String prefix) {
        browser.await("the page " + prefix + "{id}", d -> browser.currentPath().matches(prefix + "\\d+.*"));
        return Long.parseLong(browser.currentPath().substring(prefix.length()).replaceAll("\\D.*", ""));
    }

    @Test
    void a_requisition_reaches_a_matched_invoice_and_every_step_is_on_the_po_timeline(Browser browser) {
        LocalDate neededBy = LocalDate.now().plusDays(10);
        as(browser, "t-planner");
        browser.open("/requisitions/new");
        browser.type("warehouse", warehouse).type("item-0", item).type("qty-0", "25");
        browser.script("document.getElementById('neededBy-0').value = arguments[0]", neededBy.toString());
        browser.click("save-submit");
        long req = idFrom(browser, "/requisitions/");
        browser.awaitText("req-status", "审批中");
        browser.screenshot("procurement-requisition");

        for (String approver : List.of("t-buyer", "t-finance")) {
            as(browser, approver);
            browser.open("/requisitions/inbox");
            browser.visible(By.id("requisition-" + req));
            browser.open("/requisitions/" + req);
            browser.click("approve");
            browser.visible(By.id("flash"));
        }
        browser.awaitText("req-status", "已批准");

        as(browser, "t-buyer");
        browser.open("/requisitions/" + req);
        browser.click("create-po");
        long po = idFrom(browser, "/purchase-orders/");
        browser.awaitText("po-status", "已发送");

        as(browser, Fixtures.SUPPLIER_USER_A);
        browser.open("/purchase-orders/" + po);
        browser.script(
                "document.getElementById('confirm-date-1').value = arguments[0]",
                neededBy.plusDays(3).toString());
        browser.click("confirm");
        browser.awaitText("po-status", "供应商提出变更");
        browser.screenshot("procurement-supplier-confirmation");

        as(browser, "t-buyer");
        browser.open("/purchase-orders/" + po);
        browser.click("accept-change");
        browser.awaitText("po-status", "已确认");
        browser.awaitText("po-revision", "2");

        as(browser, "t-warehouse");
        for (String qty : List.of("10", "20")) {
            browser.open("/receipts/new?po=" + po);
            browser.type("location", receiving).type("qty-1", qty);
            browser.click("post-receipt");
            browser.await(
                    "the receipt of " + qty,
                    d -> browser.byId("flash").getText().contains("RC-"));
        }
        assertThat(browser.byId("flash").getText()).contains("已收货").doesNotContain("RECEIVED");
        browser.screenshot("procurement-receiving");

        as(browser, Fixtures.SUPPLIER_USER_A);
        browser.open("/invoices/new?po=" + po);
        browser.type("number", "FP-B-" + po);
        assertThat(browser.byId("inv-qty-1").getDomProperty("value")).isEqualTo("30");
        browser.click("post-invoice");
        browser.awaitText("match-status", "匹配");
        browser.screenshot("procurement-invoice-matched");

        as(browser, "t-buyer");
        browser.open("/purchase-orders/" + po);
        List<String> types = browser.driver().findElements(By.cssSelector("#timeline li")).stream()
                .map(e -> e.getDomAttribute("data-type"))
                .toList();
        assertThat(types)
                .containsExactly(
                        "REQUISITION_CREATED",
                        "REQUISITION_SUBMITTED",
                        "APPROVAL_STEP_1_APPROVED",
                        "APPROVAL_STEP_2_APPROVED",
                        "CREATED",
                        "SENT",
                        "CHANGE_PROPOSED",
                        "CHANGE_ACCEPTED",
                        "RECEIVED",
                        "RECEIVED",
                        "INVOICED");
        browser.screenshot("procurement-timeline");

        // the page offers what the status allows; a move it refuses (the order was closed meanwhile) is said in the
        // page's language, document and statuses by their labels, and the button is gone afterwards
        browser.visible(By.id("close"));
        jdbc.sql("UPDATE proc_purchase_order SET status = 'CLOSED' WHERE id = :id")
                .param("id", po)
                .update();
        browser.click("close");
        browser.await(
                "the refusal",
                d -> browser.driver().findElements(By.id("flash-error")).stream()
                        .anyMatch(e -> e.getText().contains("当前为“已关闭”，不能变为“已关闭”")));
        assertThat(browser.byId("flash-error").getText()).startsWith("采购订单").doesNotContain("CLOSED");
        assertThat(browser.driver().findElements(By.id("close"))).isEmpty();
    }
}
