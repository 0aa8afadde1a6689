package org.openvmi.consignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scenario in the browser, each side in its own browser: the buyer writes the agreement, the supplier
 * ships what the to-ship board suggests in one click, the warehouse receives and consumes, finance makes and issues
 * the statement, the supplier confirms it, finance closes it.
 */
@BrowserTest
class VmiBrowserIT {

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

    VmiTestData data;
    String supplierUser;

    /** A fresh supplier with its own user, so that the statement holds this test's lines only. */
    @BeforeEach
    void masterData() {
        Fixtures.ensure(jdbc, users);
        data = new VmiTestData(items, warehouses, suppliers);
        supplierUser = "t-" + data.supplier.toLowerCase();
        org.openvmi.security.UserCommand c = new org.openvmi.security.UserCommand();
        c.setUsername(supplierUser);
        c.setDisplayName("供应商用户");
        c.setPassword(Fixtures.PASSWORD);
        c.setRoles(java.util.EnumSet.of(org.openvmi.security.Role.SUPPLIER));
        c.setSupplier(data.supplier);
        users.create(c);
    }

    @Test
    void agreement_to_ship_receive_consume_statement_confirm_close_in_the_browser(Browser buyer) throws Exception {
        buyer.logIn("t-buyer", Fixtures.PASSWORD);
        buyer.open("/vmi/agreements/new");
        buyer.type("supplier", data.supplier);
        buyer.type("line-item-0", data.item)
                .type("line-location-0", data.vmi)
                .type("line-min-0", "100")
                .type("line-max-0", "400")
                .type("line-price-0", "2.95");
        buyer.click("save-agreement");
        buyer.visible(By.id("agreement-no"));
        assertThat(buyer.byId("agreement-lines").getText()).contains(data.itemName);

        try (Browser supplier = buyer.another();
                Browser warehouse = buyer.another();
                Browser finance = buyer.another()) {
            supplier.logIn(supplierUser, Fixtures.PASSWORD);
            // a new supplier: nothing of its consumed yet, and its portal's chart says so instead of a flat zero line
            supplier.open("/portal?lang=zh");
            supplier.await(
                    "the consumption chart",
                    d -> Boolean.TRUE.equals(supplier.script("var c = document.getElementById('consumption-chart');"
                            + " return !!(c && window.echarts && echarts.getInstanceByDom(c));")));
            assertThat((String) supplier.script("return JSON.stringify(echarts.getInstanceByDom("
                            + "document.getElementById('consumption-chart')).getOption().graphic || []);"))
                    .contains("本期采购方未消耗您的任何物料");
            // why that quantity, in the page's language (the API's reason is English: it showed on the Chinese page)
            supplier.open("/vmi/to-ship?lang=zh");
            assertThat(supplier.driver()
                            .findElement(By.cssSelector("#to-ship-" + data.item + " .suggested"))
                            .getDomAttribute("title"))
                    .startsWith("最高 400 − 现存 0 − 在途 0")
                    .doesNotContainPattern("[A-Za-z]{2,}");
            supplier.open("/vmi/to-ship?lang=en");
            assertThat(supplier.driver()
                            .findElement(By.cssSelector("#to-ship-" + data.item + " .suggested"))
                            .getDomAttribute("title"))
                    .startsWith("Max 400 − on hand 0 − in transit 0")
                    .doesNotContainPattern("\\p{IsHan}");
            supplier.driver()
                    .findElement(By.cssSelector("#to-ship-" + data.item + " input[name=lot]"))
                    .sendKeys("L2311");
            assertThat(supplier.driver()
                            .findElement(By.cssSelector("#to-ship-" + data.item + " .suggested"))
                            .getText())
                    .isEqualTo("400");
            supplier.driver()
                    .findElement(By.cssSelector("#to-ship-" + data.item + " .ship-suggested"))
                    .click();
            supplier.visible(By.id("shipment-status"));
            String asn = supplier.currentPath();
            buyer.screenshot("vmi-asn");

            warehouse.logIn("t-warehouse", Fixtures.PASSWORD);
            warehouse.open(asn);
            warehouse.type("receive-1", "398");
            warehouse.click("receive");
            warehouse.await(
                    "the receipt",
                    d -> d.findElement(By.cssSelector("#line-1 .received"))
                            .getText()
                            .equals("398"));
            warehouse.open("/vmi/stock");
            warehouse
                    .driver()
                    .findElement(By.cssSelector("#vmi-stock-" + data.item + " .consume-qty"))
                    .sendKeys("12");
            warehouse
                    .driver()
                    .findElement(By.cssSelector("#vmi-stock-" + data.item + " .consume"))
                    .click();
            warehouse.await(
                    "the consumption",
                    d -> d.findElement(By.cssSelector("#vmi-stock-" + data.item + " .consigned"))
                            .getText()
                            .equals("386"));

            finance.logIn("t-finance", Fixtures.PASSWORD);
            finance.open("/settlements");
            finance.type("gen-supplier", data.supplier);
            finance.click("generate");
            finance.visible(By.id("statement-status"));
            finance.awaitText("statement-total", "¥35.40");
            String statement = finance.currentPath();
            finance.click("issue");
            finance.await(
                    "the statement to be issued",
                    d -> d.findElements(By.id("issue")).isEmpty());

            supplier.open(statement);
            supplier.type("confirm-comment", "无误");
            supplier.click("confirm");
            supplier.await(
                    "the confirmation", d -> d.findElements(By.id("confirm")).isEmpty());
            supplier.screenshot("vmi-statement-confirmed");
            finance.open(statement);
            finance.click("close");
            finance.await(
                    "the statement to be closed",
                    d -> d.findElements(By.id("close")).isEmpty());
            String status = finance.byId("statement-status").getText();
            assertThat(status).isIn("已关闭", "closed");
            finance.screenshot("vmi-statement-closed");
        }
    }
}
