package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

/** A planner starts a planning run on the runs page, watches it finish, and finds its suggestion and chart. */
@BrowserTest
class PlanningPagesIT {

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

    @Test
    void a_planner_starts_a_run_sees_its_progress_end_in_a_summary_and_opens_the_suggestion_and_its_chart(
            Browser browser) {
        PlanningTestData data = new PlanningTestData(items, warehouses, suppliers, jdbc);
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        data.weeklyDemand(item, wh, LocalDate.now(), 52, "10");

        browser.logIn("t-planner", Fixtures.PASSWORD);
        browser.open("/planning/runs?lang=en");
        browser.type("items", item).type("horizonDays", "28");
        browser.click("start-run");
        // the page follows the run the planner started, even when a background re-plan starts after it
        String runId = browser.await(
                        "the redirect to the started run",
                        d -> browser.currentPath().matches(".*[?&]run=\\d+.*") ? browser.currentPath() : null)
                .replaceAll(".*[?&]run=(\\d+).*", "$1");
        assertThat(browser.byId("run-progress-" + runId)).isNotNull();
        browser.await(
                "the run to be DONE on the runs page",
                d -> !d.findElements(By.cssSelector(".run-progress .run-status[data-status='DONE']"))
                        .isEmpty());
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".run-progress .run-count"))
                        .getText())
                .startsWith("1 / 1");
        assertThat(browser.driver().findElement(By.cssSelector(".run-summary")).getText())
                .contains("Purchase 1")
                .contains("Item-warehouses");
        // the list under it was refreshed with the same poll
        assertThat(browser.driver().findElement(By.cssSelector("#run-" + runId)).getText())
                .contains("1 / 1", "Done");
        browser.screenshot("planning-run-done");

        browser.open("/planning/suggestions?item=" + item);
        String reason =
                browser.visible(By.cssSelector("#suggestion-table td.reason")).getText();
        assertThat(reason).contains("order 30 from " + Fixtures.SUPPLIER_A);

        browser.open("/planning/forecasts/" + item + "/" + wh);
        browser.await(
                "the chart to be drawn",
                d -> !d.findElements(By.cssSelector("#forecast-chart canvas")).isEmpty());
        assertThat(browser.byId("forecast-model").getText()).isNotBlank();
        browser.screenshot("planning-forecast");
    }
}
