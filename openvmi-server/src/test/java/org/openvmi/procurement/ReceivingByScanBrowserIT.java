package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 21's target: a clerk receives a 10-line PO by scanning the PO number and then each item's barcode, and posts
 * once: at most one action per line plus two. Every action is a scan into the focused field (text and the scanner's
 * Enter) or a click, counted here; the clerk never has to click into a field. On a phone (390 px) a refused scan
 * and a refused post keep every quantity.
 */
@BrowserTest
class ReceivingByScanBrowserIT {

    static final int LINES = 10;

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
    PurchaseOrders orders;

    final String warehouse = Fixtures.unique("RS");
    final String receiving = warehouse + "-RCV";
    final List<String> codes = new ArrayList<>();
    final List<String> barcodes = new ArrayList<>();
    long po;
    int actions;

    /** Ten items with a barcode each, a warehouse that receives at its RCV location, a sent PO of 5 + i of item i. */
    @BeforeEach
    void aTenLineOrder() {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(warehouse);
            w.setName("扫描收货仓");
            warehouses.create(w);
            LocationCommand l = new LocationCommand();
            l.setCode(receiving);
            l.setType(LocationType.RECEIVING);
            warehouses.createLocation(warehouse, l);
            w.setReceivingLocation(receiving);
            warehouses.update(warehouse, w);
            List<PurchaseOrderRequest.Line> lines = new ArrayList<>();
            for (int i = 1; i <= LINES; i++) {
                String code = Fixtures.unique("RSI");
                String barcode = "69" + (System.nanoTime() % 10_000_000_000L) + i;
                ItemCommand item = new ItemCommand();
                item.setCode(code);
                item.setName("扫描物料 " + i);
                item.setUom("PCS");
                item.setBarcodes(List.of(barcode));
                items.create(item);
                SupplierItemCommand s = new SupplierItemCommand();
                s.setItem(code);
                s.setPrice(new BigDecimal("1.00"));
                s.setCurrency("CNY");
                s.setMoq(BigDecimal.ONE);
                s.setPackSize(BigDecimal.ONE);
                s.setLeadTimeDays(5);
                s.setPrimary(true);
                suppliers.addSource(Fixtures.SUPPLIER_A, s);
                codes.add(code);
                barcodes.add(barcode);
                lines.add(new PurchaseOrderRequest.Line(code, BigDecimal.valueOf(5 + i), null));
            }
            po = orders.create(new PurchaseOrderRequest(null, Fixtures.SUPPLIER_A, warehouse, lines))
                    .get(0)
                    .id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** One action: what a scanner does, typing into the focused field and pressing Enter. */
    private void scan(Browser browser, String code) {
        browser.driver().switchTo().activeElement().sendKeys(code, Keys.ENTER);
        actions++;
    }

    private void click(Browser browser, String id) {
        browser.click(id);
        actions++;
    }

    private static String focused(Browser browser) {
        return (String) browser.script("return document.activeElement && document.activeElement.id");
    }

    private BigDecimal received() {
        return jdbc.sql("SELECT COALESCE(SUM(received_qty), 0) FROM proc_po_line WHERE po_id = :po")
                .param("po", po)
                .query(BigDecimal.class)
                .single();
    }

    private void openThePo(Browser browser) {
        browser.open("/receipts/new");
        scan(browser, "PO-" + po); // the barcode printed on the PO
        browser.await(
                "the receipt's lines",
                d -> d.findElements(By.cssSelector("#receipt-lines tr[data-item]"))
                                .size()
                        == LINES);
        assertThat(focused(browser)).isEqualTo("scan");
        assertThat(browser.byId("location").getDomProperty("value")).isEqualTo(receiving);
    }

    @Test
    void a_ten_line_po_is_received_by_scanning_in_at_most_one_action_per_line_plus_two(Browser browser) {
        browser.logIn("t-warehouse", Fixtures.PASSWORD);
        actions = 0;
        openThePo(browser);
        for (int i = 0; i < LINES; i++) {
            scan(browser, barcodes.get(i));
            int line = i + 1;
            browser.await(
                    "line " + line + " opened",
                    d -> String.valueOf(5 + line)
                            .equals(browser.byId("qty-" + line).getDomProperty("value")));
            assertThat(focused(browser)).as("the focus stays on the scan field").isEqualTo("scan");
        }
        assertThat(browser.currentPath()).startsWith("/receipts/new");
        assertThat(received()).as("nothing posted before the post button").isZero();
        click(browser, "post-receipt");
        browser.await("the receipt", d -> browser.byId("flash").getText().contains("RC-"));
        browser.screenshot("receiving-by-scan");

        assertThat(actions).as("actions for a " + LINES + "-line PO").isLessThanOrEqualTo(LINES + 2);
        assertThat(received()).isEqualByComparingTo(BigDecimal.valueOf(LINES * 5 + LINES * (LINES + 1) / 2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_receipt WHERE po_id = :po")
                        .param("po", po)
                        .query(Long.class)
                        .single())
                .as("one receipt")
                .isOne();
        assertThat(jdbc.sql("SELECT status FROM proc_purchase_order WHERE id = :po")
                        .param("po", po)
                        .query(String.class)
                        .single())
                .isEqualTo("RECEIVED");
    }

    @Test
    void on_a_phone_a_refused_scan_and_a_refused_post_keep_every_quantity(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.logIn("t-warehouse", Fixtures.PASSWORD);
        openThePo(browser);
        assertThat(browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("no sideways scrolling at 390 px")
                .isEqualTo(0L);
        assertThat(browser.byId("qty-1").getSize().getHeight()).isGreaterThanOrEqualTo(44);
        for (int i = 0; i < 3; i++) {
            scan(browser, barcodes.get(i));
        }
        browser.await(
                "three lines opened", d -> "8".equals(browser.byId("qty-3").getDomProperty("value")));
        browser.type("qty-2", "4"); // fewer arrived: corrected in place
        browser.byId("qty-2").sendKeys(Keys.ENTER); // Enter goes back to the scan, never posts
        assertThat(focused(browser)).isEqualTo("scan");
        scan(browser, "NOT-ON-THIS-PO");
        browser.await("the refusal", d -> browser.byId("scan-message").getText().contains("不在"));
        assertThat(List.of(
                        browser.byId("qty-1").getDomProperty("value"),
                        browser.byId("qty-2").getDomProperty("value"),
                        browser.byId("qty-3").getDomProperty("value")))
                .containsExactly("6", "4", "8");
        browser.screenshot("receiving-by-scan-phone-refused-scan");

        browser.type("qty-3", "999"); // over the line's tolerance: refused whole
        browser.click("post-receipt");
        browser.await(
                "the refusal at line 3",
                d -> !d.findElements(By.id("qty-3-error")).isEmpty());
        assertThat(List.of(
                        browser.byId("qty-1").getDomProperty("value"),
                        browser.byId("qty-2").getDomProperty("value"),
                        browser.byId("qty-3").getDomProperty("value")))
                .containsExactly("6", "4", "999");
        assertThat(received()).isZero();
        browser.screenshot("receiving-by-scan-phone-refused-post");

        browser.type("qty-3", "8");
        browser.click("post-receipt");
        browser.await("the receipt", d -> browser.byId("flash").getText().contains("RC-"));
        assertThat(received()).isEqualByComparingTo("18");
    }
}
