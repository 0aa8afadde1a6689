package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stock lines page was 1491–1627 px wide in a 1440 px window (its table scrolled sideways beside the sidebar), and
 * the scan page's field pushed a 390 px phone screen sideways. Neither the window nor the main area may scroll
 * sideways; the message names what sticks out.
 */
@BrowserTest
class PageWidthBrowserIT {

    /** [document overflow, main's overflow, the elements reaching past main's right edge]. */
    private static final String MEASURE = """
            var doc = document.documentElement, main = document.querySelector('main');
            var right = main.getBoundingClientRect().right, wide = [];
            main.querySelectorAll('*').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > right + 1 && wide.length < 8) {
                wide.push(e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' ' + Math.round(r.right));
              }
            });
            return [doc.scrollWidth - doc.clientWidth, main.scrollWidth - main.clientWidth, wide.join(', ')];""";

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

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    private static void assertFits(Browser browser, String path, int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        browser.open(path);
        List<?> m = (List<?>) browser.script(MEASURE);
        assertThat(((Number) m.get(0)).longValue() + ((Number) m.get(1)).longValue())
                .as(path + " at " + width + " px sticks out by " + m.get(0) + " / " + m.get(1) + " px: " + m.get(2))
                .isZero();
    }

    @Test
    void the_stock_lines_fit_a_1440_px_window_beside_the_sidebar(Browser browser) {
        String warehouse = Fixtures.unique("PWW");
        jdbc.sql("INSERT INTO warehouse (code, name) VALUES (:c, '华东区域中心配送仓库')")
                .param("c", warehouse)
                .update();
        for (int i = 0; i < 3; i++) {
            String item = Fixtures.unique("PWI-LONG-ITEM-CODE");
            jdbc.sql("INSERT INTO item (code, name, uom) VALUES (:c, '深沟球轴承 6204-2RS 双面橡胶密封 内径20mm 外径47mm', 'PCS')")
                    .param("c", item)
                    .update();
            jdbc.sql("""
                    INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, service_level, mode,
                                              updated_at, updated_by)
                    SELECT i.id, w.id, 1200.5, 2400.25, 98000, 0.95, 'DYNAMIC', CURRENT_TIMESTAMP, 't-planner'
                    FROM item i, warehouse w WHERE i.code = :i AND w.code = :w""").param("i", item).param("w", warehouse).update();
        }
        browser.logIn("t-planner", Fixtures.PASSWORD);
        for (String lang : List.of("zh_CN", "en")) {
            assertFits(browser, "/stock-policies?location=" + warehouse + "&lang=" + lang, 1440);
            assertThat(browser.driver().getPageSource()).contains("深沟球轴承");
            browser.screenshot("stock-policies-1440-" + lang);
        }
    }

    @Test
    void the_scan_page_fits_a_390_px_phone_also_with_lines_and_a_long_unknown_code(Browser browser) {
        LedgerTestData data = new LedgerTestData(items, warehouses, suppliers);
        browser.logIn("t-warehouse", Fixtures.PASSWORD);
        for (String lang : List.of("zh_CN", "en")) {
            assertFits(browser, "/scan?lang=" + lang, 390);
        }
        new Select(browser.byId("warehouse")).selectByValue(data.warehouse);
        for (String code : List.of(data.bin1, data.item, "UNKNOWN-4006381333931-4006381333931-4006381333931")) {
            browser.byId("scan-input").sendKeys(code + Keys.ENTER);
            browser.await(
                    "the scan to be answered",
                    d -> Boolean.FALSE.equals(
                            browser.script(
                                    "return document.getElementById('scan-form').classList.contains('busy') || !!document.querySelector('.htmx-request');")));
        }
        browser.await(
                "the unknown code to be named",
                d -> browser.byId("scan-message").getText().contains("4006381333931"));
        assertThat(browser.driver().findElements(By.cssSelector("#scan-lines tbody tr[data-item]")))
                .hasSize(1);
        List<?> m = (List<?>) browser.script(MEASURE);
        assertThat(((Number) m.get(0)).longValue() + ((Number) m.get(1)).longValue())
                .as("/scan with a line and a message sticks out by " + m.get(0) + " / " + m.get(1) + " px: " + m.get(2))
                .isZero();
        browser.screenshot("scan-390-lines");
        assertFits(browser, "/scan", 1440);
    }
}
