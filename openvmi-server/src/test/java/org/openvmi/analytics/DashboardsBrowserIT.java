package org.openvmi.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The warehouse and buyer dashboards and the management big screen in the browser: each role that sees a page opens
 * it in zh-CN and in English and every chart is drawn; the big screen fills 1920 × 1080 without scrolling and
 * refreshes itself; a supplier user is refused.
 */
@BrowserTest
class DashboardsBrowserIT {

    private static final List<String> WAREHOUSE_CHARTS = List.of("stockValue", "aging", "stockouts", "flows", "stale");
    private static final List<String> BUYER_CHARTS = List.of("otif", "leadTime", "overdue", "openOrders");
    private static final List<String> SCREEN_CHARTS = List.of("value", "turnover", "stockout", "aging");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    @Test
    void the_warehouse_dashboard_in_both_languages_for_each_role_that_sees_it(Browser browser) {
        for (String user : List.of("t-warehouse", "t-viewer", "t-admin")) {
            try (Browser b = browser.another()) {
                b.logIn(user, Fixtures.PASSWORD);
                check(
                        b,
                        "/dashboards/warehouse",
                        Map.of("zh-CN", "仓库看板", "en", "Warehouse dashboard"),
                        WAREHOUSE_CHARTS);
                b.screenshot("dashboard-warehouse-" + user);
                // a count of items ticks in whole items (the axis read 0, 0.5, 1, 1.5 items at zero)
                assertThat(b.script("return echarts.getInstanceByDom(document.getElementById('chart-stockouts'))"
                                + ".getOption().yAxis[0].minInterval;"))
                        .isEqualTo(1L);
                assertThat(b.byId("export-stale").getDomAttribute("href"))
                        .contains("/dashboards/warehouse/charts/stale")
                        .contains("format=xlsx");
            }
        }
    }

    @Test
    void the_buyer_dashboard_in_both_languages_for_each_role_that_sees_it(Browser browser) {
        for (String user : List.of("t-buyer", "t-viewer", "t-admin")) {
            try (Browser b = browser.another()) {
                b.logIn(user, Fixtures.PASSWORD);
                check(b, "/dashboards/buyer", Map.of("zh-CN", "采购看板", "en", "Buyer dashboard"), BUYER_CHARTS);
                b.screenshot("dashboard-buyer-" + user);
                // the four open PO statuses are all named under their bars (ECharts showed every other one before)
                for (String lang : List.of("zh-CN", "en")) {
                    b.open("/dashboards/buyer?lang=" + lang);
                    awaitCharts(b, List.of("openOrders"));
                    assertThat(b.script("var c = echarts.getInstanceByDom(document.getElementById('chart-openOrders'));"
                                    + " return [c.getOption().xAxis[0].data.length,"
                                    + " c.getModel().getComponent('xAxis', 0).axis.getViewLabels().length];"))
                            .as(lang)
                            .isEqualTo(List.of(4L, 4L));
                }
            }
        }
    }

    @Test
    void the_big_screen_fills_a_wall_display_and_refreshes_itself(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1920, 1080));
        for (String user : List.of("t-buyer", "t-warehouse", "t-finance", "t-planner", "t-viewer", "t-admin")) {
            try (Browser b = browser.another()) {
                b.driver().manage().window().setSize(new Dimension(1920, 1080));
                b.logIn(user, Fixtures.PASSWORD);
                check(
                        b,
                        "/dashboards/management/big-screen?refresh=600",
                        Map.of("zh-CN", "管理数字大屏", "en", "Management big screen"),
                        SCREEN_CHARTS);
            }
        }
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        browser.open("/dashboards/management?lang=zh-CN");
        // a count of lines reads as a whole number ("0"), not "0.00"
        assertThat(browser.byId("kpi-staleLines")
                        .findElement(By.className("value"))
                        .getText())
                .matches("[0-9,]+");
        browser.open("/dashboards/management/big-screen?refresh=2&lang=zh-CN");
        awaitCharts(browser, SCREEN_CHARTS);
        assertThat(browser.byId("kpi-stockValue").getText()).contains("资金占用");
        // a rate below a few percent keeps its decimals on the axis and in the tooltip: 0.005 is "0.5%", not "1%"
        // (a stockout rate between 0 and 2% read "0%, 0%, 1%, 1%, 1%, 2%")
        assertThat(browser.script(
                        "var o = echarts.getInstanceByDom(document.getElementById('chart-stockout')).getOption();"
                                + " return [o.yAxis[0].axisLabel.formatter(0.005), o.yAxis[0].axisLabel.formatter(0.01),"
                                + " o.tooltip[0].valueFormatter(0.1234)];"))
                .isEqualTo(List.of("0.5%", "1%", "12.34%"));
        browser.screenshot("big-screen-zh-CN-1920x1080");
        // dark, and the whole screen without scrolling at 1920 × 1080
        assertThat(browser.script("return getComputedStyle(document.body).backgroundColor;"))
                .isEqualTo("rgb(11, 18, 32)");
        assertThat((Boolean) browser.script("var e = document.documentElement;"
                        + " return e.scrollHeight <= e.clientHeight && e.scrollWidth <= e.clientWidth;"))
                .isTrue();
        // mark the shown content: after the next poll it is a new element, and its charts are drawn again
        browser.script("document.getElementById('screen').setAttribute('data-old', 'yes');");
        browser.await(
                "the screen to refresh",
                d -> Boolean.TRUE.equals(browser.script(
                        "var s = document.getElementById('screen'); return !!s && !s.hasAttribute('data-old');")));
        awaitCharts(browser, SCREEN_CHARTS);
        assertThat(browser.byId("screen-updated").getText()).contains("每 2 秒刷新");
    }

    /**
     * A chart with no rows (a warehouse with no stock, no flows) drew bare axes or a grey disc, which reads as broken:
     * it says, in the page's language, that the period has nothing to show.
     */
    @Test
    void a_chart_without_rows_says_there_is_no_data_in_the_pages_language(Browser browser) {
        browser.logIn("t-admin", Fixtures.PASSWORD);
        String nowhere = Fixtures.unique("NOWH");
        for (Map.Entry<String, String> lang : Map.of("zh-CN", "所选期间或仓库内没有可绘制的数据", "en", "No data for this chart")
                .entrySet()) {
            browser.open("/dashboards/warehouse?warehouse=" + nowhere + "&lang=" + lang.getKey());
            awaitCharts(browser, WAREHOUSE_CHARTS);
            int empty = 0;
            for (String chart : WAREHOUSE_CHARTS) {
                long rows = (Long) browser.script(
                        "return JSON.parse(document.getElementById('dashboard-tables').textContent)[arguments[0]]"
                                + ".rows.length;",
                        chart);
                if (rows > 0) {
                    continue;
                }
                empty++;
                assertThat((String) browser.script(
                                "return JSON.stringify(echarts.getInstanceByDom("
                                        + "document.getElementById('chart-' + arguments[0])).getOption().graphic || []);",
                                chart))
                        .as(chart + " " + lang.getKey())
                        .contains(lang.getValue());
            }
            assertThat(empty)
                    .as("charts without rows for a warehouse with nothing in it")
                    .isPositive();
            // a day for every day of the period, all of them zero: bars of nothing, the same message
            for (String chart : List.of("stockouts", "flows")) {
                assertThat((String) browser.script(
                                "return JSON.stringify(echarts.getInstanceByDom("
                                        + "document.getElementById('chart-' + arguments[0])).getOption().graphic || []);",
                                chart))
                        .as(chart + " of zeros " + lang.getKey())
                        .contains(lang.getValue());
            }
            browser.screenshot("dashboard-warehouse-empty-" + lang.getKey());
        }
        // nor is a card blank: a figure the warehouse has no data for shows a dash
        browser.open("/dashboards/finance?warehouse=" + nowhere + "&lang=zh-CN");
        for (org.openqa.selenium.WebElement value :
                browser.driver().findElements(By.cssSelector("#finance-cards .card .value"))) {
            assertThat(
                            value.getText().isBlank()
                                    ? browser.script(
                                            "return getComputedStyle(arguments[0], '::before').content;", value)
                                    : "\"" + value.getText() + "\"")
                    .as("a finance card's figure")
                    .isNotIn("none", "normal", "\"\"");
        }
    }

    @Test
    void a_supplier_user_is_refused(Browser browser) {
        browser.logIn(Fixtures.SUPPLIER_USER_A, Fixtures.PASSWORD);
        for (String path : List.of("/dashboards/warehouse", "/dashboards/buyer", "/dashboards/management/big-screen")) {
            browser.open(path + "?lang=en");
            assertThat(browser.byId("error-title").getText()).as(path).startsWith("403");
        }
        assertThat(browser.driver().findElements(By.cssSelector("#sidebar a[href^='/dashboards']")))
                .isEmpty();
    }

    private static void check(Browser b, String path, Map<String, String> titles, List<String> charts) {
        for (String lang : List.of("zh-CN", "en")) {
            b.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(b.driver().findElement(By.tagName("h1")).getText())
                    .as(path + " " + lang)
                    .isEqualTo(titles.get(lang));
            assertThat(b.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo(lang);
            awaitCharts(b, charts);
            for (String chart : charts) {
                assertThat(b.byId("export-" + chart).getText())
                        .isEqualTo(lang.equals("en") ? "Export XLSX" : "导出 XLSX");
            }
            assertThat(b.driver().getPageSource()).doesNotContain("??");
        }
    }

    private static void awaitCharts(Browser browser, List<String> charts) {
        for (String id : charts) {
            browser.await(
                    id + " to be drawn",
                    d -> Boolean.TRUE.equals(browser.script(
                            "var c = document.getElementById('chart-' + arguments[0]);"
                                    + " return !!(c && window.echarts && echarts.getInstanceByDom(c) && c.querySelector('canvas'));",
                            id)));
        }
    }
}
