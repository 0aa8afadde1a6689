package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
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
 * The scan page in headless chromium, driven like a USB barcode scanner: each scan types the code and presses Enter
 * into the scan field, without waiting for the page between scans.
 */
@BrowserTest
class ScanPageIT {

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

    LedgerTestData data;
    String barcode;

    @BeforeEach
    void masterData() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
        barcode = items.get(data.item).barcodes().get(0);
    }

    @Test
    void a_receipt_scanned_three_times_posts_once_even_when_posted_again_and_an_issue_beyond_stock_is_refused(
            Browser browser) {
        browser.logIn("t-warehouse", Fixtures.PASSWORD);
        browser.open("/scan");
        browser.awaitText(By.cssSelector("main h1"), "扫码出入库");
        new Select(browser.byId("warehouse")).selectByValue(data.warehouse);
        assertThat(new Select(browser.byId("type")).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("RECEIPT");

        scan(browser, data.bin1);
        scan(browser, barcode);
        scan(browser, barcode);
        scan(browser, barcode);
        awaitIdle(browser);
        browser.awaitText("scan-location", data.bin1);
        assertThat(qtyOf(browser, data.item)).isEqualTo("3");
        assertThat(browser.driver().findElements(By.cssSelector("#scan-lines tbody tr[data-item]")))
                .hasSize(1);
        assertThat(browser.byId("scan-message").getText()).contains(data.item).contains("3");
        assertScanFieldHasFocus(browser);
        browser.screenshot("scan-page");

        // Enter on the empty field posts; a second Enter right away and a click on "post" must not post again
        WebElement field = browser.byId("scan-input");
        field.sendKeys(Keys.ENTER);
        field.sendKeys(Keys.ENTER);
        browser.click("scan-post");
        awaitIdle(browser);
        browser.await(
                "the batch to show as posted",
                d -> browser.byId("scan-status").getText().startsWith("已过账"));
        assertThat(browser.byId("scan-message").getText()).contains("未重复过账");

        assertThat(postingsAt(data.bin1)).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT m.qty FROM stock_movement m JOIN location l ON l.id = m.location_id WHERE l.code = :l""").param("l", data.bin1).query(BigDecimal.class).list())
                .containsExactly(new BigDecimal("3.0000"));
        assertThat(onHand(data.item, data.bin1)).isEqualByComparingTo("3");
        browser.screenshot("scan-posted");

        // an issue of more than is available: a big error naming item, location, available and requested; nothing
        // posted
        new Select(browser.byId("type")).selectByValue("ISSUE");
        awaitIdle(browser);
        assertThat(browser.driver().findElements(By.cssSelector("#scan-lines tbody tr[data-item]")))
                .isEmpty();
        scan(browser, data.bin1);
        for (int i = 0; i < 4; i++) {
            scan(browser, barcode);
        }
        awaitIdle(browser);
        assertThat(qtyOf(browser, data.item)).isEqualTo("4");
        browser.byId("scan-input").sendKeys(Keys.ENTER);
        awaitIdle(browser);
        WebElement error = browser.visible(By.cssSelector("#scan-message.error"));
        assertThat(error.getText()).isEqualTo("库存不足：物料 " + data.item + " 在库位 " + data.bin1 + " 可用 3，需要 4。未过账任何内容。");
        assertThat(error.getCssValue("font-size")).isEqualTo("28px");
        assertScanFieldHasFocus(browser);
        assertThat(postingsAt(data.bin1)).isEqualTo(1);
        assertThat(onHand(data.item, data.bin1)).isEqualByComparingTo("3");
        browser.screenshot("scan-insufficient");

        // an unknown barcode is named on screen, and scanning goes on
        scan(browser, "NO-SUCH-" + barcode);
        awaitIdle(browser);
        assertThat(browser.byId("scan-message").getText()).isEqualTo("未知条码：NO-SUCH-" + barcode);
        assertThat(qtyOf(browser, data.item)).isEqualTo("4");
    }

    @Test
    void the_stock_page_shows_own_and_consignment_value_and_a_chart(Browser browser) {
        ledger.post(
                new PostingRequest(List.of(
                        new MovementRequest(
                                "RECEIPT", data.item, data.bin1, null, null, new BigDecimal("40"), null, null, "R-1"),
                        new MovementRequest(
                                "RECEIPT",
                                data.lotItem,
                                data.bin2,
                                null,
                                "L-7",
                                new BigDecimal("12"),
                                null,
                                null,
                                "R-1"),
                        new MovementRequest(
                                "RECEIPT",
                                data.item,
                                data.vmi,
                                Fixtures.SUPPLIER_A,
                                null,
                                new BigDecimal("30"),
                                null,
                                null,
                                "ASN-1"))),
                null);
        LedgerTestData second = new LedgerTestData(items, warehouses, suppliers);
        ledger.post(
                new PostingRequest(List.of(
                        new MovementRequest(
                                "RECEIPT",
                                second.item,
                                second.bin1,
                                null,
                                null,
                                new BigDecimal("25"),
                                null,
                                null,
                                "R-2"),
                        new MovementRequest(
                                "RECEIPT",
                                second.item,
                                second.vmi,
                                Fixtures.SUPPLIER_A,
                                null,
                                new BigDecimal("50"),
                                null,
                                null,
                                "ASN-2"))),
                null);

        browser.logIn("t-viewer", Fixtures.PASSWORD);
        browser.open("/stock");
        browser.awaitText(By.cssSelector("main h1"), "库存查询");
        browser.visible(By.cssSelector("#stock-chart canvas"));
        assertThat(browser.byId("card-consignment").getText()).contains("非我方资产");
        browser.screenshot("stock-page");

        new Select(browser.byId("warehouse")).selectByValue(data.warehouse);
        browser.await(
                "the filtered table",
                d -> browser.byId("own-value").getText().equals("¥460.00")
                        && browser.byId("consignment-value").getText().equals("¥255.00"));
        browser.visible(By.cssSelector("#stock-chart canvas"));
        assertThat(browser.currentPath()).contains("warehouse=" + data.warehouse);

        browser.open("/movements?warehouse=" + data.warehouse);
        browser.awaitText(By.cssSelector("main h1"), "出入库流水");
        assertThat(browser.driver().findElements(By.cssSelector("#movement-table tr.movement-row")))
                .hasSize(3);
        browser.screenshot("movements-page");
    }

    /** What a USB scanner does: type the code, press Enter, immediately. */
    private static void scan(Browser browser, String code) {
        browser.byId("scan-input").sendKeys(code + Keys.ENTER);
    }

    private static void awaitIdle(Browser browser) {
        browser.await(
                "the scan page to finish its requests",
                d -> Boolean.FALSE.equals(
                        browser.script(
                                "return document.getElementById('scan-form').classList.contains('busy') || !!document.querySelector('.htmx-request');")));
    }

    private static String qtyOf(Browser browser, String item) {
        return browser.driver()
                .findElement(By.cssSelector("#scan-lines tr[data-item='" + item + "'] input.qty"))
                .getDomProperty("value");
    }

    private static void assertScanFieldHasFocus(Browser browser) {
        assertThat(browser.script("return document.activeElement && document.activeElement.id;"))
                .isEqualTo("scan-input");
    }

    private long postingsAt(String location) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT m.posting_id) FROM stock_movement m JOIN location l ON l.id = m.location_id
                WHERE l.code = :l""").param("l", location).query(Long.class).single();
    }

    private BigDecimal onHand(String item, String location) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id
                JOIN location l ON l.id = b.location_id WHERE i.code = :i AND l.code = :l""")
                .param("i", item)
                .param("l", location)
                .query(BigDecimal.class)
                .single();
    }
}
