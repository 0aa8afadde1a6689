package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.inventory.CountRequest;
import org.openvmi.inventory.StockCounts;
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
 * The scan, receiving and count pages on a phone (390 × 844): one column without sideways scrolling, big inputs, and
 * a warehouse worker who types the PO number as printed, scans an item barcode (the scanner's Enter opens its line
 * instead of posting), corrects the quantity and posts; then counts found stock by scanning its barcode.
 */
@BrowserTest
class PhoneScanningBrowserIT {

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

    @Autowired
    Requisitions requisitions;

    @Autowired
    PurchaseOrders orders;

    @Autowired
    StockCounts counts;

    @Autowired
    Receipts receipts;

    final String warehouse = Fixtures.unique("PH");
    final String receiving = warehouse + "-RCV";
    final String storage = warehouse + "-S1";
    final String item = Fixtures.unique("PHN");
    final String barcode = "69" + System.nanoTime() % 100_000_000_000L;
    long po;
    long count;

    @BeforeEach
    void anOrderAndACountSheet() {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(warehouse);
            w.setName("手机测试仓");
            warehouses.create(w);
            for (String code : List.of(receiving, storage)) {
                LocationCommand l = new LocationCommand();
                l.setCode(code);
                l.setType(code.equals(receiving) ? LocationType.RECEIVING : LocationType.STORAGE);
                warehouses.createLocation(warehouse, l);
            }
            w.setReceivingLocation(receiving);
            warehouses.update(warehouse, w);
            ItemCommand i = new ItemCommand();
            i.setCode(item);
            i.setName("内六角螺钉 M6");
            i.setUom("PCS");
            i.setBarcodes(List.of(barcode));
            items.create(i);
            SupplierItemCommand s = new SupplierItemCommand();
            s.setItem(item);
            s.setPrice(new BigDecimal("1.50"));
            s.setCurrency("CNY");
            s.setMoq(BigDecimal.ONE);
            s.setPackSize(BigDecimal.ONE);
            s.setLeadTimeDays(5);
            s.setPrimary(true);
            suppliers.addSource(Fixtures.SUPPLIER_A, s);
            rules.create(new ApprovalRuleRequest(
                    "phone " + warehouse,
                    10,
                    null,
                    warehouse,
                    BigDecimal.ZERO,
                    null,
                    "CNY",
                    List.of("t-admin"),
                    null,
                    true));
            long req = requisitions
                    .create(new RequisitionRequest(
                            warehouse,
                            false,
                            null,
                            null,
                            List.of(new RequisitionRequest.Line(
                                    item, new BigDecimal("40"), LocalDate.now().plusDays(7)))))
                    .id();
            requisitions.submit(req);
            requisitions.approve(req, null);
            po = orders.create(new PurchaseOrderRequest(req, null, null, null))
                    .get(0)
                    .id();
            count = counts.create(new CountRequest(storage, null, null, false, null, false, null), null)
                    .id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void assertFitsThePhone(Browser browser, String page) {
        browser.open(page);
        assertThat(((Number) browser.script("return window.innerWidth")).intValue())
                .as("viewport")
                .isLessThanOrEqualTo(400);
        assertThat(browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("horizontal overflow of " + page)
                .isEqualTo(0L);
    }

    private static void assertBigTarget(WebElement input) {
        assertThat(input.getSize().getHeight())
                .as(input.getAttribute("id") + " height")
                .isGreaterThanOrEqualTo(44);
        assertThat(input.getSize().getWidth())
                .as(input.getAttribute("id") + " width")
                .isGreaterThanOrEqualTo(250);
    }

    private static String focused(Browser browser) {
        return (String) browser.script("return document.activeElement && document.activeElement.id");
    }

    @Test
    void scan_receiving_and_count_work_on_a_phone_with_the_printed_po_number_and_a_scanned_barcode(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.logIn("t-warehouse", Fixtures.PASSWORD);

        assertFitsThePhone(browser, "/scan");
        assertBigTarget(browser.byId("scan-input"));
        browser.screenshot("phone-scan");

        assertFitsThePhone(browser, "/receipts/new");
        browser.byId("doc").sendKeys("PO-" + po, Keys.ENTER); // as printed on the PO and its barcode
        browser.await(
                "the receipt's lines",
                d -> !d.findElements(By.id("receipt-lines")).isEmpty());
        browser.await("the focus on the scan", d -> "scan".equals(focused(browser)));
        assertThat(browser.byId("location").getDomProperty("value")).isEqualTo(receiving); // the warehouse's
        browser.byId("scan").sendKeys(barcode, Keys.ENTER); // a USB scanner ends with Enter
        browser.await("the line opened", d -> "40".equals(browser.byId("qty-1").getDomProperty("value")));
        assertThat(browser.currentPath()).startsWith("/receipts/new"); // nothing was posted yet
        assertThat(focused(browser)).isEqualTo("scan");
        assertThat(received()).isZero();
        assertBigTarget(browser.byId("scan"));
        assertBigTarget(browser.byId("qty-1"));
        browser.type("qty-1", "6");
        browser.click("post-receipt");
        browser.await("the receipt", d -> browser.byId("flash").getText().contains("RC-"));
        assertThat(received()).isEqualByComparingTo("6");
        assertThat(browser.byId("receipt-print").getAttribute("href"))
                .contains("/receipts/")
                .endsWith("/print");
        browser.screenshot("phone-receiving");

        // an unknown barcode is refused in Chinese, and the typed quantity stays
        browser.byId("doc").sendKeys("PO-" + po, Keys.ENTER);
        browser.await(
                "the receipt's lines",
                d -> !d.findElements(By.id("receipt-lines")).isEmpty());
        assertThat(browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("overflow with the PO's lines")
                .isEqualTo(0L);
        browser.type("qty-1", "3");
        browser.byId("scan").sendKeys("NOPE-" + barcode, Keys.ENTER);
        browser.await("the refusal", d -> browser.byId("scan-message").getText().contains("不在"));
        assertThat(browser.byId("qty-1").getDomProperty("value")).isEqualTo("3");
        assertThat(received()).isEqualByComparingTo("6");

        // the camera's decoder (html5-qrcode) loads from /webjars only when asked, under the CSP; headless chromium
        // has no camera, so the dialog says it could not start one
        assertThat(browser.script("return !!window.__Html5QrcodeLibrary__")).isEqualTo(false);
        browser.visible(By.cssSelector("[data-camera-for=scan]")).click();
        browser.await(
                "the decoder to load",
                d -> Boolean.TRUE.equals(browser.script("return !!window.__Html5QrcodeLibrary__")));
        browser.await(
                "the camera to answer",
                d -> !browser.byId("camera-message").getText().isEmpty()
                        || !browser.driver()
                                .findElements(By.cssSelector("#camera-view video"))
                                .isEmpty());
        browser.click("camera-close");
        assertThat(browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                        .map(LogEntry::getMessage)
                        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                        .toList())
                .as("CSP violations")
                .isEmpty();

        // count entry: the scanned barcode is not on the sheet, so it becomes found stock; Enter goes to its quantity
        assertFitsThePhone(browser, "/counts/" + count);
        browser.byId("count-scan").sendKeys(barcode, Keys.ENTER);
        browser.await("the focus on the found quantity", d -> "found-counted-0".equals(focused(browser)));
        assertThat(browser.byId("found-item-0").getDomProperty("value")).isEqualTo(barcode);
        browser.byId("found-counted-0").sendKeys("4");
        browser.click("save-counted");
        browser.visible(By.id("flash"));
        browser.screenshot("phone-count");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM stock_count_line c JOIN item i ON i.id = c.item_id
                WHERE c.count_id = :id AND i.code = :item AND c.counted_qty = 4""")
                        .param("id", count)
                        .param("item", item)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void the_printed_po_receipt_note_statement_and_labels_fit_a_390_px_phone(Browser browser) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        long receipt;
        try {
            receipt = receipts.receive(new ReceiptRequest(
                            po,
                            receiving,
                            null,
                            List.of(new ReceiptRequest.Line(null, item, null, new BigDecimal("5"), null, null))))
                    .id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        // a statement of a big amount (its capitals are the longest line); no lines are needed to lay it out
        jdbc.sql("""
                INSERT INTO vmi_settlement_statement (supplier_id, period_from, period_to, status, currency, total, tax_rate,
                                                      created_by, created_at)
                SELECT id, DATE '2026-11-01', DATE '2026-11-30', 'DRAFT', 'CNY', 9876543.21, 0.13, 't-finance', CURRENT_TIMESTAMP
                FROM supplier WHERE code = :s""").param("s", Fixtures.SUPPLIER_A).update();
        long statement = jdbc.sql("SELECT MAX(id) FROM vmi_settlement_statement")
                .query(Long.class)
                .single();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.logIn("t-admin", Fixtures.PASSWORD);
        for (String lang : List.of("zh_CN", "en")) {
            assertFitsThePhone(browser, "/purchase-orders/" + po + "/print?lang=" + lang);
            assertFitsThePhone(browser, "/receipts/" + receipt + "/print?lang=" + lang);
            assertFitsThePhone(browser, "/settlements/" + statement + "/print?lang=" + lang);
            assertFitsThePhone(browser, "/labels/items?list=true&q=" + item + "&lang=" + lang);
            assertFitsThePhone(browser, "/labels/locations?warehouse=" + warehouse + "&lang=" + lang);
        }
        assertThat(browser.driver().getPageSource()).contains("data-code=\"" + receiving + "\"");
        browser.screenshot("phone-print-labels");
    }

    private BigDecimal received() {
        return jdbc.sql("SELECT COALESCE(SUM(received_qty), 0) FROM proc_po_line WHERE po_id = :po")
                .param("po", po)
                .query(BigDecimal.class)
                .single();
    }
}
