package org.openvmi.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The planner's and the finance dashboards draw their charts in zh-CN and English for each role that sees them (from
 * the sidebar); a supplier has neither in its sidebar and is refused both.
 */
@BrowserTest
class RoleDashboardsBrowserIT {

    private static final List<String> PLANNER_CHARTS = List.of("accuracy", "planActual", "acceptance");
    private static final List<String> FINANCE_CHARTS =
            List.of("liability", "consumption", "statements", "priceVariance");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    @Test
    void the_planner_dashboard_draws_for_admin_planner_buyer_and_viewer_in_both_languages(Browser browser) {
        for (String user : List.of("t-planner", "t-admin", "t-buyer", "t-viewer")) {
            signIn(browser, user);
            browser.open("/?lang=zh-CN");
            browser.driver().findElement(By.id("nav-planner-dashboard")).click();
            browser.awaitText(By.tagName("h1"), "计划驾驶舱");
            assertThat(browser.byId("kpi-forecastAccuracy").getText()).contains("预测准确率");
            assertThat(browser.byId("exception-suggestions").getText()).contains("待决定的补货建议");
            awaitCharts(browser, PLANNER_CHARTS);
            assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('chart-acceptance'))"
                            + ".getOption().legend[0].data;"))
                    .isEqualTo(List.of("建议采纳率（占已决定）", "建议采纳率（占已生成）"));
            assertExports(browser, "planner", PLANNER_CHARTS, "导出 XLSX");
            assertEveryMonthNamed(browser, "accuracy");

            browser.open("/dashboards/planner?lang=en");
            browser.awaitText(By.tagName("h1"), "Planning dashboard");
            assertThat(browser.byId("kpi-forecastWape").getText()).contains("Forecast error (WAPE)");
            awaitCharts(browser, PLANNER_CHARTS);
            assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('chart-accuracy'))"
                            + ".getOption().xAxis[0].data.length;"))
                    .isEqualTo(6L);
            assertExports(browser, "planner", PLANNER_CHARTS, "Export XLSX");
        }
    }

    @Test
    void the_finance_dashboard_draws_for_admin_finance_and_viewer_in_both_languages(Browser browser) {
        for (String user : List.of("t-finance", "t-admin", "t-viewer")) {
            signIn(browser, user);
            browser.open("/?lang=zh-CN");
            browser.driver().findElement(By.id("nav-finance-dashboard")).click();
            browser.awaitText(By.tagName("h1"), "财务驾驶舱");
            assertThat(browser.byId("kpi-consignmentLiability").getText()).contains("寄售负债");
            awaitCharts(browser, FINANCE_CHARTS);
            assertExports(browser, "finance", FINANCE_CHARTS, "导出 XLSX");

            browser.open("/dashboards/finance?lang=en");
            browser.awaitText(By.tagName("h1"), "Finance dashboard");
            assertThat(browser.byId("kpi-consignmentDaysOnHand").getText()).contains("Consignment days on hand");
            awaitCharts(browser, FINANCE_CHARTS);
            // one row per month and supplier of the last twelve months: twelve months on the axis when any supplier
            Object months =
                    browser.script("return echarts.getInstanceByDom(document.getElementById('chart-consumption'))"
                            + ".getOption().xAxis[0].data.length;");
            Object rows = browser.script("return JSON.parse(document.getElementById('dashboard-tables').textContent)"
                    + ".consumption.rows.length;");
            assertThat(months).isEqualTo(((Long) rows) == 0 ? 0L : 12L);
            assertExports(browser, "finance", FINANCE_CHARTS, "Export XLSX");
        }
    }

    /** The home page's dashboard links are repeated with nothing between them: they read "计划驾驶舱财务驾驶舱". */
    @Test
    void the_home_pages_dashboard_links_stand_apart(Browser browser) {
        signIn(browser, "t-admin");
        browser.open("/?lang=zh-CN");
        org.openqa.selenium.Rectangle planner =
                browser.byId("home-planner-dashboard").getRect();
        org.openqa.selenium.Rectangle finance =
                browser.byId("home-finance-dashboard").getRect();
        assertThat(finance.getY()).as("one line").isEqualTo(planner.getY());
        assertThat(finance.getX() - (planner.getX() + planner.getWidth()))
                .as("the gap between the two links, px")
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void a_supplier_has_neither_dashboard(Browser browser) {
        signIn(browser, Fixtures.SUPPLIER_USER_A);
        browser.open("/?lang=zh-CN");
        assertThat(browser.driver().findElements(By.id("nav-planner-dashboard")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("nav-finance-dashboard")))
                .isEmpty();
        for (String path : List.of("/dashboards/planner", "/dashboards/finance")) {
            browser.open(path);
            assertThat(browser.driver().findElements(By.id("dashboard-tables")))
                    .as(path)
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("a.export")))
                    .as(path)
                    .isEmpty();
        }
    }

    private static void signIn(Browser browser, String user) {
        browser.forgetSession();
        browser.logIn(user, Fixtures.PASSWORD);
    }

    /** Each chart has its XLSX link, under its dashboard's path, in the page's language. */
    private static void assertExports(Browser browser, String dashboard, List<String> charts, String text) {
        for (String chart : charts) {
            assertThat(browser.byId("export-" + chart).getText()).isEqualTo(text);
            assertThat(browser.byId("export-" + chart).getDomAttribute("href"))
                    .contains("/dashboards/" + dashboard + "/charts/" + chart)
                    .contains("format=xlsx");
        }
    }

    /** ECharts shows every category label of the chart (its default hides those it thinks overlap). */
    private static void assertEveryMonthNamed(Browser browser, String chart) {
        assertThat(browser.script(
                        "var c = echarts.getInstanceByDom(document.getElementById('chart-' + arguments[0]));"
                                + " return c.getModel().getComponent('xAxis', 0).axis.getViewLabels().length"
                                + " === c.getOption().xAxis[0].data.length;",
                        chart))
                .isEqualTo(Boolean.TRUE);
    }

    private static void awaitCharts(Browser browser, List<String> ids) {
        for (String raw : ids) {
            String id = "chart-" + raw;
            browser.await(
                    id + " to be drawn",
                    d -> Boolean.TRUE.equals(browser.script(
                            "var c = document.getElementById(arguments[0]);"
                                    + " return !!(window.echarts && echarts.getInstanceByDom(c) && c.querySelector('canvas'));",
                            id)));
        }
    }
}
