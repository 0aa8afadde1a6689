package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.consignment.AgreementRequest;
import org.openvmi.consignment.Agreements;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.security.UserDirectory;
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
 * Issue 13, as a new user found it in chromium: a form opened and saved unchanged must leave its record exactly as it
 * was, version included, and write no audit entry (no "深圳仓,深圳仓,true"), and a refused save keeps what was typed and names the problem at the field, in the
 * page's language.
 */
@BrowserTest
class FormRoundTripBrowserIT {

    /** A supplier's stock line saved again is a new report "as of now": its stamps and version move, nothing else. */
    private static final Set<String> REPORT_STAMPS = Set.of("VERSION", "AS_OF", "RECORDED_AT", "RECORDED_BY");

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
    StockPolicies policies;

    @Autowired
    Agreements agreements;

    LedgerTestData data;
    String supplier = Fixtures.unique("RTS");
    String inactiveSupplier = Fixtures.unique("RTX");
    long agreement;

    @BeforeEach
    void masterData() {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            data = new LedgerTestData(items, warehouses, suppliers);
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(data.warehouse);
            w.setName("深圳仓");
            w.setAddress("深圳市南山区 1 号");
            warehouses.update(data.warehouse, w);
            suppliers.create(supplier(supplier, true));
            suppliers.create(supplier(inactiveSupplier, false));
            StockPolicyCommand lines = new StockPolicyCommand();
            lines.setSafety(new BigDecimal("1.5"));
            lines.setWarning(new BigDecimal("2"));
            lines.setMax(new BigDecimal("10"));
            policies.put(data.item, data.warehouse, lines);
            // pack size and MOQ of its own, which the page does not show
            agreement = agreements
                    .create(new AgreementRequest(
                            Fixtures.SUPPLIER_A,
                            "CNY",
                            null,
                            48,
                            "MONTHLY",
                            null,
                            "UNTIL_CONSUMED",
                            java.time.LocalDate.of(2026, 1, 1),
                            null,
                            "迟到每小时罚款 10 元",
                            new BigDecimal("10"),
                            null,
                            List.of(new AgreementRequest.Line(
                                    data.item,
                                    data.vmi,
                                    new BigDecimal("10"),
                                    new BigDecimal("100"),
                                    new BigDecimal("2.95"),
                                    null,
                                    new BigDecimal("6"),
                                    new BigDecimal("12")))))
                    .id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void every_edit_form_saved_unchanged_leaves_its_record_as_it_was(Browser browser) {
        browser.logIn("t-admin", Fixtures.PASSWORD);
        long audits = auditEntries();
        List<String> changed = new ArrayList<>();
        String item = "SELECT * FROM item WHERE code = '" + data.item + "'";
        String barcodes = "SELECT b.barcode FROM item_barcode b JOIN item i ON i.id = b.item_id WHERE i.code = '"
                + data.item + "'";
        roundTrip(browser, changed, "/items/" + data.item + "/edit", "save", item, barcodes);
        roundTrip(
                browser,
                changed,
                "/warehouses/" + data.warehouse,
                "save",
                "SELECT * FROM warehouse WHERE code = '" + data.warehouse + "'");
        for (String location : List.of(data.bin1, data.lineSide)) { // allow-negative off and on
            roundTrip(
                    browser,
                    changed,
                    "/warehouses/" + data.warehouse + "/locations/" + location + "/edit",
                    "save",
                    "SELECT * FROM location WHERE code = '" + location + "'");
        }
        for (String code : List.of(supplier, inactiveSupplier)) { // active on and off
            roundTrip(
                    browser,
                    changed,
                    "/suppliers/" + code,
                    "save",
                    "SELECT * FROM supplier WHERE code = '" + code + "'");
        }
        roundTrip(
                browser,
                changed,
                "/suppliers/" + Fixtures.SUPPLIER_A + "/items/" + data.item + "/edit",
                "save",
                "SELECT si.* FROM supplier_item si JOIN item i ON i.id = si.item_id JOIN supplier s ON s.id = si.supplier_id"
                        + " WHERE i.code = '" + data.item + "' AND s.code = '" + Fixtures.SUPPLIER_A + "'");
        roundTrip(
                browser,
                changed,
                "/stock-policies?location=" + data.warehouse,
                "save-all",
                "SELECT p.* FROM stock_policy p JOIN warehouse w ON w.id = p.warehouse_id WHERE w.code = '"
                        + data.warehouse + "' ORDER BY p.id");
        roundTrip(
                browser,
                changed,
                "/admin/users/t-viewer/edit",
                "save",
                "SELECT * FROM app_user WHERE username = 't-viewer'");
        roundTrip(
                browser,
                changed,
                "/admin/users/" + Fixtures.SUPPLIER_USER_B + "/edit",
                "save",
                "SELECT * FROM app_user WHERE username = '" + Fixtures.SUPPLIER_USER_B + "'");
        roundTrip(
                browser,
                changed,
                "/vmi/agreements/" + agreement + "/edit",
                "save-agreement",
                "SELECT * FROM vmi_agreement WHERE id = " + agreement,
                "SELECT v.* FROM vmi_agreement_version v WHERE v.agreement_id = " + agreement + " ORDER BY v.id",
                "SELECT l.* FROM vmi_agreement_line l JOIN vmi_agreement_version v ON v.id = l.version_id"
                        + " WHERE v.agreement_id = " + agreement + " ORDER BY l.id");
        browser.open("/notifications/preferences"); // the first save stores the defaults as a row
        browser.click("save");
        browser.byId("flash");
        roundTrip(
                browser,
                changed,
                Set.of("UPDATED_AT"),
                "/notifications/preferences",
                "save",
                "SELECT * FROM notification_preference WHERE username = 't-admin'");
        assertThat(changed).isEmpty();
        assertThat(auditEntries())
                .as("audit entries written by saving unchanged forms")
                .isEqualTo(audits);
    }

    @Test
    void a_supplier_saves_its_stock_line_unchanged_and_it_stays_as_reported(Browser browser) {
        browser.logIn(Fixtures.SUPPLIER_USER_A, Fixtures.PASSWORD);
        browser.open("/supplier-stock");
        browser.type("line-item", data.item)
                .type("line-available", "12.5")
                .type("line-inProduction", "3")
                .type("line-leadTimeDays", "7")
                .type("line-lowWater", "2");
        browser.click("save-line");
        browser.byId("flash");
        List<String> changed = new ArrayList<>();
        roundTrip(
                browser,
                changed,
                REPORT_STAMPS,
                "/supplier-stock?edit=" + data.item,
                "save-line",
                "SELECT ss.* FROM supplier_stock ss JOIN item i ON i.id = ss.item_id WHERE i.code = '" + data.item
                        + "'");
        assertThat(changed).isEmpty();
    }

    @Test
    void a_refused_save_keeps_what_was_typed_and_names_the_field_in_chinese_and_in_english(Browser browser) {
        browser.logIn("t-admin", Fixtures.PASSWORD);
        for (String lang : List.of("zh_CN", "en")) {
            boolean zh = lang.startsWith("zh");
            browser.open("/warehouses/" + data.warehouse + "?lang=" + lang);
            browser.type("name", "").type("address", "新地址 " + lang);
            browser.click("save");
            assertThat(browser.byId("name-error").getText()).isEqualTo(zh ? "请填写此项" : "Please fill in this field");
            assertThat(browser.byId("address").getDomProperty("value")).isEqualTo("新地址 " + lang);

            browser.open("/stock-policies?lang=" + lang);
            browser.type("item", "NO-SUCH-" + lang)
                    .type("location", data.warehouse)
                    .type("safety", "1")
                    .type("warning", "2")
                    .type("max", "x");
            browser.click("add-submit");
            assertThat(browser.byId("max-error").getText()).isEqualTo(zh ? "请输入数字" : "Please enter a number");
            assertThat(browser.byId("item").getDomProperty("value")).isEqualTo("NO-SUCH-" + lang);
            assertThat(browser.byId("max").getDomProperty("value")).isEqualTo("x");
            browser.type("max", "3");
            browser.click("add-submit");
            assertThat(browser.byId("item-error").getText())
                    .isEqualTo(zh ? "物料“NO-SUCH-" + lang + "”不存在" : "There is no item 'NO-SUCH-" + lang + "'");
            assertThat(browser.byId("safety").getDomProperty("value")).isEqualTo("1");

            // a list form: the refusal names the line, the rows keep what was typed
            browser.open("/requisitions/new?lang=" + lang);
            browser.type("warehouse", data.warehouse)
                    .type("note", "急用 " + lang)
                    .type("item-0", data.item)
                    .type("qty-0", "5")
                    .type("item-1", "NO-SUCH-" + lang)
                    .type("qty-1", "7");
            browser.click("save");
            assertThat(browser.byId("flash-error").getText())
                    .isEqualTo(
                            zh
                                    ? "第 2 行：物料“NO-SUCH-" + lang + "”不存在"
                                    : "Line 2: There is no item 'NO-SUCH-" + lang + "'");
            assertThat(browser.byId("item-1-error").getText())
                    .isEqualTo(zh ? "物料“NO-SUCH-" + lang + "”不存在" : "There is no item 'NO-SUCH-" + lang + "'");
            assertThat(browser.byId("note").getDomProperty("value")).isEqualTo("急用 " + lang);
            assertThat(browser.byId("item-1").getDomProperty("value")).isEqualTo("NO-SUCH-" + lang);
            assertThat(browser.byId("qty-1").getDomProperty("value")).isEqualTo("7");
        }
        assertThat(jdbc.sql("SELECT name FROM warehouse WHERE code = :c")
                        .param("c", data.warehouse)
                        .query(String.class)
                        .single())
                .isEqualTo("深圳仓");
    }

    @Test
    void every_create_form_saves_a_record_that_its_edit_form_then_saves_unchanged(Browser browser) {
        browser.logIn("t-admin", Fixtures.PASSWORD);
        List<String> changed = new ArrayList<>();
        String item = Fixtures.unique("NI");
        create(
                browser,
                "/items/new",
                "#item-form",
                "save",
                Map.of(
                        "code",
                        item,
                        "name",
                        "新物料 轴承 " + item,
                        "uom",
                        "KG",
                        "category",
                        "bearings",
                        "unitCost",
                        "3.2",
                        "barcodesText",
                        "690" + Math.abs(item.hashCode())),
                "lotTracked");
        roundTrip(
                browser,
                changed,
                "/items/" + item + "/edit",
                "save",
                "SELECT * FROM item WHERE code = '" + item + "'",
                "SELECT b.barcode FROM item_barcode b JOIN item i ON i.id = b.item_id WHERE i.code = '" + item + "'");

        String warehouse = Fixtures.unique("NW");
        create(
                browser,
                "/warehouses/new",
                "#warehouse-form",
                "save",
                Map.of("code", warehouse, "name", "新仓 " + warehouse, "address", "苏州市 3 号"));
        roundTrip(
                browser,
                changed,
                "/warehouses/" + warehouse,
                "save",
                "SELECT * FROM warehouse WHERE code = '" + warehouse + "'");
        String location = warehouse + "-B1";
        create(
                browser,
                "/warehouses/" + warehouse,
                "#location-form",
                null,
                Map.of("code", location, "name", "货架 B1"),
                "allowNegative");
        roundTrip(
                browser,
                changed,
                "/warehouses/" + warehouse + "/locations/" + location + "/edit",
                "save",
                "SELECT * FROM location WHERE code = '" + location + "'");

        String newSupplier = Fixtures.unique("NS");
        create(
                browser,
                "/suppliers/new",
                "#supplier-form",
                "save",
                Map.of(
                        "code",
                        newSupplier,
                        "name",
                        "新供应商 " + newSupplier,
                        "contactName",
                        "李工",
                        "contactPhone",
                        "+86 21 5555 0000",
                        "contactEmail",
                        "li@example.com",
                        "address",
                        "上海"));
        roundTrip(
                browser,
                changed,
                "/suppliers/" + newSupplier,
                "save",
                "SELECT * FROM supplier WHERE code = '" + newSupplier + "'");
        create(
                browser,
                "/suppliers/" + newSupplier,
                "#source-form",
                null,
                Map.of(
                        "item",
                        item,
                        "supplierPartNo",
                        "P-7",
                        "price",
                        "2.95",
                        "currency",
                        "CNY",
                        "moq",
                        "100",
                        "packSize",
                        "25",
                        "leadTimeDays",
                        "9"),
                "primary");
        roundTrip(
                browser,
                changed,
                "/suppliers/" + newSupplier + "/items/" + item + "/edit",
                "save",
                "SELECT si.* FROM supplier_item si JOIN item i ON i.id = si.item_id JOIN supplier s ON s.id = si.supplier_id"
                        + " WHERE i.code = '" + item + "' AND s.code = '" + newSupplier + "'");

        create(
                browser,
                "/stock-policies",
                "#add-form",
                "add-submit",
                Map.of("item", item, "location", warehouse, "safety", "1.5", "warning", "3", "max", "12.25"));
        roundTrip(
                browser,
                changed,
                "/stock-policies?location=" + warehouse,
                "save-all",
                "SELECT p.* FROM stock_policy p JOIN warehouse w ON w.id = p.warehouse_id WHERE w.code = '" + warehouse
                        + "'");

        LedgerTestData zone;
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            zone = new LedgerTestData(items, warehouses, suppliers); // a VMI zone and an item on T-SUP-A's list
        } finally {
            SecurityContextHolder.clearContext();
        }
        String terms = "新协议 " + zone.item;
        create(
                browser,
                "/vmi/agreements/new",
                "#agreement-form",
                "save-agreement",
                Map.ofEntries(
                        Map.entry("supplier", Fixtures.SUPPLIER_A),
                        Map.entry("settlementDay", "25"),
                        Map.entry("currency", "CNY"),
                        Map.entry("replenishWithinHours", "36"),
                        Map.entry("penaltyTerms", terms),
                        Map.entry("penaltyPerLateHour", "5"),
                        Map.entry("lines[0].item", "物料 " + zone.item),
                        Map.entry("lines[0].location", zone.vmi),
                        Map.entry("lines[0].min", "10"),
                        Map.entry("lines[0].max", "80"),
                        Map.entry("lines[0].price", "2.5")));
        long created = jdbc.sql("SELECT a.id FROM vmi_agreement a JOIN vmi_agreement_version v ON v.agreement_id = a.id"
                        + " WHERE v.penalty_terms = :t")
                .param("t", terms)
                .query(Long.class)
                .single();
        roundTrip(
                browser,
                changed,
                "/vmi/agreements/" + created + "/edit",
                "save-agreement",
                "SELECT * FROM vmi_agreement WHERE id = " + created,
                "SELECT v.* FROM vmi_agreement_version v WHERE v.agreement_id = " + created + " ORDER BY v.id",
                "SELECT l.* FROM vmi_agreement_line l JOIN vmi_agreement_version v ON v.id = l.version_id"
                        + " WHERE v.agreement_id = " + created + " ORDER BY l.id");
        assertThat(jdbc.sql(
                                "SELECT i.code FROM vmi_agreement_line l JOIN vmi_agreement_version v ON v.id = l.version_id"
                                        + " JOIN item i ON i.id = l.item_id WHERE v.agreement_id = " + created)
                        .query(String.class)
                        .single())
                .as("the item typed by its name")
                .isEqualTo(zone.item);

        String user = Fixtures.unique("nu").toLowerCase();
        browser.open("/admin/users/new");
        browser.driver()
                .findElement(By.cssSelector("#user-form input.role[value='BUYER']"))
                .click();
        create(
                browser,
                null,
                "#user-form",
                "save",
                Map.of(
                        "username",
                        user,
                        "displayName",
                        "新采购 " + user,
                        "password",
                        "long-enough-pass-1",
                        "email",
                        user + "@example.com"));
        roundTrip(
                browser,
                changed,
                "/admin/users/" + user + "/edit",
                "save",
                "SELECT * FROM app_user WHERE username = '" + user + "'");
        assertThat(changed).isEmpty();
    }

    /**
     * Fills the named fields of a form (opening {@code page} first unless null), ticks the named checkboxes, submits
     * it by the button with this id (or its only submit button) and waits for the confirmation.
     */
    private static void create(
            Browser browser, String page, String form, String button, Map<String, String> fields, String... ticks) {
        if (page != null) {
            browser.open(page);
        }
        fields.forEach((name, value) -> {
            org.openqa.selenium.WebElement input =
                    browser.driver().findElement(By.cssSelector(form + " [name='" + name + "']"));
            input.clear();
            input.sendKeys(value, org.openqa.selenium.Keys.ESCAPE);
        });
        for (String tick : ticks) {
            browser.driver()
                    .findElement(By.cssSelector(form + " input[type=checkbox][name='" + tick + "']"))
                    .click();
        }
        if (button == null) {
            browser.driver()
                    .findElement(By.cssSelector(form + " button[type=submit]"))
                    .click();
        } else {
            browser.click(button);
        }
        browser.await(
                "the new record of " + form + " to be confirmed",
                d -> !d.findElements(By.id("flash")).isEmpty()
                        || !d.findElements(By.cssSelector(".field-error, .flash.error"))
                                .isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector(".field-error, .flash.error")))
                .as(form + ": "
                        + browser.driver().findElement(By.cssSelector("main")).getText())
                .isEmpty();
    }

    @Test
    void a_call_off_whose_quantity_is_not_a_number_is_refused_at_the_field_and_kept(Browser browser) {
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        for (String lang : List.of("zh_CN", "en")) {
            boolean zh = lang.startsWith("zh");
            browser.open("/vmi/calloffs?lang=" + lang);
            browser.type("co-supplier", Fixtures.SUPPLIER_A)
                    .type("co-item", data.item)
                    .type("co-location", data.vmi)
                    .type("co-qty", "12 箱")
                    .type("co-comment", "周五前 " + lang);
            browser.byId("co-comment").sendKeys(org.openqa.selenium.Keys.ESCAPE);
            browser.click("create-calloff");
            assertThat(browser.byId("co-qty-error").getText()).isEqualTo(zh ? "请输入数字" : "Please enter a number");
            assertThat(browser.byId("co-qty").getDomProperty("value")).isEqualTo("12 箱");
            assertThat(browser.byId("co-comment").getDomProperty("value")).isEqualTo("周五前 " + lang);
            browser.type("co-qty", "12").type("co-item", "NO-SUCH-" + lang);
            browser.byId("co-item").sendKeys(org.openqa.selenium.Keys.ESCAPE);
            browser.click("create-calloff");
            assertThat(browser.byId("co-item-error").getText())
                    .isEqualTo(zh ? "物料“NO-SUCH-" + lang + "”不存在" : "There is no item 'NO-SUCH-" + lang + "'");
            assertThat(browser.byId("co-qty").getDomProperty("value")).isEqualTo("12");
        }
    }

    /** Opens the form, saves it as it is, and notes every column of the queried rows that the save changed. */
    private void roundTrip(Browser browser, List<String> changed, String page, String saveButton, String... queries) {
        roundTrip(browser, changed, Set.of(), page, saveButton, queries);
    }

    private void roundTrip(
            Browser browser,
            List<String> changed,
            Set<String> ignored,
            String page,
            String saveButton,
            String... queries) {
        List<List<Map<String, Object>>> before = snapshot(ignored, queries);
        browser.open(page);
        browser.click(saveButton);
        browser.await(
                "the save of " + page + " to be confirmed",
                d -> !d.findElements(By.id("flash")).isEmpty()
                        || !d.findElements(By.cssSelector(".field-error, .flash.error"))
                                .isEmpty());
        if (!browser.driver()
                .findElements(By.cssSelector(".field-error, .flash.error"))
                .isEmpty()) {
            changed.add(page + ": refused: "
                    + browser.driver().findElement(By.cssSelector("main")).getText());
            return;
        }
        List<List<Map<String, Object>>> after = snapshot(ignored, queries);
        if (!after.equals(before)) {
            changed.add(page + ": " + before + " -> " + after);
        }
    }

    private List<List<Map<String, Object>>> snapshot(Set<String> ignored, String... queries) {
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        for (String sql : queries) {
            rows.add(jdbc.sql(sql).query().listOfRows().stream()
                    .map(row -> {
                        Map<String, Object> kept = new TreeMap<>();
                        row.forEach((column, value) -> {
                            if (!ignored.contains(column.toUpperCase())) {
                                kept.put(column.toUpperCase(), value);
                            }
                        });
                        return (Map<String, Object>) kept;
                    })
                    .toList());
        }
        return rows;
    }

    private long auditEntries() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    }

    private static SupplierCommand supplier(String code, boolean active) {
        SupplierCommand s = new SupplierCommand();
        s.setCode(code);
        s.setName("华南轴承 " + code);
        s.setContactName("王经理");
        s.setContactPhone("+86 755 1234 5678");
        s.setContactEmail("sales@" + code.toLowerCase() + ".example.com");
        s.setAddress("东莞市 2 号");
        s.setActive(active);
        return s;
    }
}
