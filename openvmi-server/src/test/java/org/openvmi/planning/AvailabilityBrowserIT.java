package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.procurement.PurchaseOrderRequest;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The item page's availability panel: loaded by htmx, switched by warehouse, with its ECharts chart drawn. */
@BrowserTest
class AvailabilityBrowserIT {

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

    @Autowired
    Clock clock;

    @Test
    void the_item_page_shows_what_is_on_order_at_the_chosen_warehouse_and_draws_the_chart(Browser browser) {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        PlanningTestData data = new PlanningTestData(items, warehouses, suppliers, jdbc);
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        orders.create(new PurchaseOrderRequest(
                null,
                Fixtures.SUPPLIER_A,
                wh,
                List.of(new PurchaseOrderRequest.Line(
                        item, new BigDecimal("25"), LocalDate.now(clock).plusDays(3)))));
        SecurityContextHolder.clearContext();

        browser.logIn("t-buyer", Fixtures.PASSWORD).open("/items/" + item + "/edit");
        browser.byId("availability-warehouse");
        browser.script(
                "var s = document.getElementById('availability-warehouse'); s.value = arguments[0];"
                        + " s.dispatchEvent(new Event('change', {bubbles: true}));",
                wh);
        browser.awaitText("availability-on-order", "25");
        browser.awaitText("availability-position", "25");
        browser.visible(By.cssSelector("#availability-chart canvas"));
        assertThat(browser.driver().findElements(By.cssSelector("#availability tbody tr")))
                .hasSize(2);
        browser.screenshot("availability-item-page");
    }
}
