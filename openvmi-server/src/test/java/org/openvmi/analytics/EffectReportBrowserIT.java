package org.openvmi.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.planning.DemandHistory;
import org.openvmi.planning.DemandRecord;
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
 * The effect report page in chromium: every role that may open it opens it in zh-CN and in English; a planner chooses the
 * items by category and warehouse, runs the report, and sees a refusal by its field in the page's language.
 */
@BrowserTest
class EffectReportBrowserIT {

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
    CatalogRefs refs;

    @Autowired
    DemandHistory history;

    @Autowired
    StockPolicies policies;

    LedgerTestData data;
    String category = Fixtures.unique("CAT");
    LocalDate from;
    LocalDate to;

    @BeforeEach
    void data() {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            data = new LedgerTestData(items, warehouses, suppliers);
            ItemCommand c = ItemCommand.from(items.get(data.item));
            c.setCategory(category);
            items.update(data.item, c);
            StockPolicyCommand lines = new StockPolicyCommand();
            lines.setSafety(new BigDecimal("5"));
            lines.setWarning(new BigDecimal("5"));
            lines.setMax(new BigDecimal("12"));
            policies.put(data.item, data.warehouse, lines);
            to = LocalDate.now().minusDays(1);
            from = to.minusWeeks(10).plusDays(1);
            long itemId = refs.items(Set.of(data.item)).get(data.item).id();
            long warehouseId = refs.warehouses(Set.of(data.warehouse)).get(data.warehouse);
            List<DemandRecord> weekly = new ArrayList<>();
            for (int w = -EffectReports.HISTORY_WEEKS; w < 10; w++) {
                weekly.add(
                        new DemandRecord(itemId, warehouseId, from.plusWeeks(w).plusDays(2), new BigDecimal("10")));
            }
            history.record(weekly);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void every_role_that_sees_it_opens_it_in_both_languages(Browser browser) {
        // the roles that set the stock lines (AccessRules: POLICY_EDITORS)
        for (String user : List.of("t-admin", "t-buyer", "t-planner")) {
            try (Browser b = browser.another()) {
                check(b, user);
            }
        }
    }

    private static void check(Browser b, String user) {
        b.logIn(user, Fixtures.PASSWORD);
        b.open("/analytics/effect-report?lang=zh-CN");
        assertThat(b.driver().findElement(By.tagName("h1")).getText()).as(user).isEqualTo("VMI 效果报告");
        assertThat(b.driver().findElement(By.id("effect-form")).getText())
                .as(user)
                .contains("物料类别", "按物料清单")
                .doesNotContain("Category");
        b.open("/analytics/effect-report?lang=en");
        assertThat(b.driver().findElement(By.tagName("h1")).getText()).as(user).isEqualTo("VMI effect report");
        assertThat(b.driver().findElement(By.id("effect-form")).getText())
                .as(user)
                .contains("Category");
    }

    @Test
    void a_planner_chooses_the_items_by_category_and_warehouse(Browser browser) {
        browser.logIn("t-planner", Fixtures.PASSWORD);
        browser.open("/analytics/effect-report?lang=zh-CN");
        fill(browser);
        browser.click("effect-run");
        browser.await(
                "the report or its problems",
                d -> !d.findElements(By.id("effect-items-table")).isEmpty()
                        || !d.findElements(By.id("effect-problems")).isEmpty());
        assertThat(browser.driver().findElements(By.id("effect-problems")))
                .as(() -> browser.driver().findElement(By.tagName("main")).getText())
                .isEmpty();
        assertThat(browser.byId("effect-items-table").getText()).contains(data.item);
        assertThat(browser.byId("effect-totals").getText()).contains("周转天数", "满足率");

        // the item list and a category at once: refused by the category field, in Chinese, then in English
        browser.open("/analytics/effect-report?lang=zh-CN");
        fill(browser);
        browser.type("effect-items", data.item);
        browser.click("effect-run");
        assertThat(browser.byId("effect-problem-category").getText()).isEqualTo("物料类别: 请按物料清单或按类别选择物料，二者只能选其一");
        browser.open("/analytics/effect-report?lang=en");
        fill(browser);
        browser.type("effect-items", data.item);
        browser.click("effect-run");
        assertThat(browser.byId("effect-problem-category").getText())
                .isEqualTo("Category: Choose the items either by list or by category, not both");
    }

    private void fill(Browser browser) {
        browser.script(
                "document.getElementById('effect-warehouse').value = arguments[0];"
                        + "document.getElementById('effect-from').value = arguments[1];"
                        + "document.getElementById('effect-to').value = arguments[2];",
                data.warehouse,
                from.toString(),
                to.toString());
        new Select(browser.byId("effect-category")).selectByValue(category);
        new Select(browser.byId("effect-baseline")).selectByValue("MANUAL");
    }
}
