package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.inventory.LedgerTestData;
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
 * Issue 13, part 2, as a person uses the pickers in chromium: typing part of a warehouse's Chinese name or an item's
 * name lists the matches, choosing one fills in the code; a name typed without choosing and a scanned barcode are
 * saved as their codes; a supplier's picker lists only its own items.
 */
@BrowserTest
class PickerBrowserIT {

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

    LedgerTestData data;
    String shanghai;
    String barcode;
    String itemOfB = Fixtures.unique("PBB");

    @BeforeEach
    void masterData() {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            data = new LedgerTestData(items, warehouses, suppliers);
            shanghai = "上海中心仓" + data.warehouse.substring(data.warehouse.length() - 5);
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(data.warehouse);
            w.setName(shanghai);
            warehouses.update(data.warehouse, w);
            barcode = items.get(data.item).barcodes().get(0);
            ItemCommand b = new ItemCommand();
            b.setCode(itemOfB);
            b.setName("物料 乙方 " + itemOfB); // "物料 " like A's items
            b.setUom("PCS");
            items.create(b);
            SupplierItemCommand source = new SupplierItemCommand();
            source.setItem(itemOfB);
            source.setPrice(new BigDecimal("1.20"));
            source.setCurrency("CNY");
            source.setLeadTimeDays(3);
            suppliers.addSource(Fixtures.SUPPLIER_B, source);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_buyer_picks_the_warehouse_by_part_of_its_name_and_items_by_name_and_barcode(Browser browser) {
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        browser.open("/requisitions/new?lang=zh_CN");
        browser.type(
                "warehouse",
                "中心仓" + data.warehouse.substring(data.warehouse.length() - 5, data.warehouse.length() - 1));
        choose(browser, "warehouse", data.warehouse);
        assertThat(browser.byId("warehouse").getDomProperty("value")).isEqualTo(data.warehouse);
        browser.type("item-0", "物料 " + data.item.substring(0, data.item.length() - 1));
        choose(browser, "item-0", data.item);
        assertThat(browser.byId("item-0").getDomProperty("value")).isEqualTo(data.item);
        browser.type("qty-0", "5");
        browser.type("item-1", barcode).type("qty-1", "3"); // scanned: no choosing
        browser.byId("item-1").sendKeys(Keys.ESCAPE);
        browser.click("save");
        browser.await("the requisition's page", d -> browser.currentPath().matches("/requisitions/\\d+.*"));
        long id = Long.parseLong(browser.currentPath().replaceAll("^/requisitions/(\\d+).*$", "$1"));
        assertThat(jdbc.sql(
                                "SELECT w.code FROM proc_requisition r JOIN warehouse w ON w.id = r.warehouse_id WHERE r.id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(data.warehouse);
        assertThat(jdbc.sql("""
                        SELECT i.code FROM proc_requisition_line l JOIN item i ON i.id = l.item_id
                        WHERE l.requisition_id = :id ORDER BY l.line_no""").param("id", id).query(String.class).list()).containsExactly(data.item, data.item);
    }

    @Test
    void names_typed_without_choosing_are_saved_as_their_codes(Browser browser) {
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        browser.open("/stock-policies?lang=zh_CN");
        browser.type("item", "物料 " + data.item)
                .type("location", shanghai)
                .type("safety", "1")
                .type("warning", "2")
                .type("max", "9");
        browser.click("add-submit");
        browser.byId("flash");
        assertThat(jdbc.sql("""
                        SELECT p.max_qty FROM stock_policy p JOIN item i ON i.id = p.item_id JOIN warehouse w ON w.id = p.warehouse_id
                        WHERE i.code = :i AND w.code = :w""")
                        .param("i", data.item)
                        .param("w", data.warehouse)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("9");
    }

    @Test
    void a_suppliers_item_picker_lists_only_its_own_items(Browser browser) {
        browser.logIn(Fixtures.SUPPLIER_USER_A, Fixtures.PASSWORD);
        browser.open("/supplier-stock?lang=zh_CN");
        browser.type("line-item", "物料 ");
        List<String> listed = options(browser, "line-item");
        assertThat(listed).contains(data.item).doesNotContain(itemOfB);
        browser.type("line-item", itemOfB);
        browser.await(
                "the picker to say nothing matches",
                d -> !d.findElements(By.cssSelector(".picker-none")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector("main")).getText())
                .doesNotContain("乙方");
    }

    private static void choose(Browser browser, String input, String code) {
        By option = By.cssSelector("#" + input + "-picks .picker-option[data-value='" + code + "']");
        browser.await("the choice " + code + " under " + input, d -> {
            List<WebElement> found = d.findElements(option);
            return !found.isEmpty() && found.get(0).isDisplayed();
        });
        browser.driver().findElement(option).click();
    }

    private static List<String> options(Browser browser, String input) {
        By options = By.cssSelector("#" + input + "-picks .picker-option");
        browser.await("choices under " + input, d -> !d.findElements(options).isEmpty());
        return browser.driver().findElements(options).stream()
                .map(o -> o.getDomAttribute("data-value"))
                .toList();
    }
}
