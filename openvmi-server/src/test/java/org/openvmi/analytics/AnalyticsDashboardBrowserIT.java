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

/** The management dashboard renders its KPI cards and draws its four charts, in zh-CN and in English. */
@BrowserTest
class AnalyticsDashboardBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    @Test
    void the_dashboard_draws_in_both_languages(Browser browser) {
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        browser.open("/dashboards/management?lang=zh-CN");
        assertThat(browser.byId("kpi-stockValue").getText()).contains("资金占用");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("管理驾驶舱");
        awaitCharts(browser);
        assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('value-chart'))"
                        + ".getOption().legend[0].data;"))
                .isEqualTo(List.of("自有库存", "寄售库存"));

        browser.open("/dashboards/management?lang=en");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Management dashboard");
        assertThat(browser.byId("kpi-stockValue").getText()).contains("Capital tied up");
        awaitCharts(browser);
        assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('value-chart'))"
                        + ".getOption().xAxis[0].data.length;"))
                .isEqualTo(12L);
        // every month is named under the charts (ECharts' default skipped every other one on a narrow chart)
        for (String id : List.of("value-chart", "turnover-chart", "stockout-chart")) {
            assertThat(browser.script(
                            "return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                                    + ".getModel().getComponent('xAxis', 0).axis.getViewLabels().length;",
                            id))
                    .as(id)
                    .isEqualTo(12L);
        }
    }

    /**
     * Issue 15 (ADR 0070): every page that got an XLSX export, and the settings page with each report mail's warehouse,
     * opens for each role that sees it, in Chinese and in English, with its export link (the report form for buyer-side
     * users only), no message key left untranslated and no English heading on the Chinese page.
     */
    @Test
    void the_exporting_pages_and_the_report_settings_open_for_each_role_in_both_languages(Browser browser) {
        List<String> buyerSide = List.of("t-admin", "t-buyer", "t-warehouse", "t-finance", "t-planner", "t-viewer");
        java.util.Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
        // (the effect report's export link comes with a report: EffectReportContract checks it and the file)
        pages.put("/analytics/effect-report", List.of("t-admin", "t-buyer", "t-planner"));
        pages.put("/planning/suggestions", plus(buyerSide, Fixtures.SUPPLIER_USER_A));
        pages.put("/shortages", buyerSide);
        pages.put("/supplier-stock", plus(buyerSide, Fixtures.SUPPLIER_USER_A));
        pages.put("/notifications/preferences", plus(buyerSide, Fixtures.SUPPLIER_USER_A));
        pages.put("/dashboards/management", buyerSide);
        java.util.Set<String> users = new java.util.LinkedHashSet<>();
        pages.values().forEach(users::addAll);
        int opened = 0;
        for (String user : users) {
            browser.driver().manage().deleteAllCookies();
            browser.logIn(user, Fixtures.PASSWORD);
            for (var page : pages.entrySet()) {
                if (!page.getValue().contains(user)) {
                    continue;
                }
                String path = page.getKey();
                for (String lang : List.of("zh-CN", "en")) {
                    browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                    String what = user + " " + path + " " + lang;
                    String h1 = browser.driver().findElement(By.tagName("h1")).getText();
                    String source = browser.driver().getPageSource();
                    assertThat(h1).as(what).isNotBlank();
                    assertThat(source).as(what).doesNotContain("??");
                    assertThat(h1.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff))
                            .as("a Chinese heading: " + what)
                            .isEqualTo(lang.equals("zh-CN"));
                    if (path.startsWith("/planning")
                            || path.startsWith("/shortages")
                            || path.startsWith("/supplier-stock")) {
                        assertThat(browser.driver().findElements(By.id("export-xlsx")))
                                .as(what)
                                .hasSize(1);
                    }
                    if (path.startsWith("/notifications")) {
                        boolean offered = !user.equals(Fixtures.SUPPLIER_USER_A);
                        assertThat(browser.driver().findElements(By.id("report-warehouse-STALE_STOCK")))
                                .as(what)
                                .hasSize(offered ? 1 : 0);
                        if (offered) {
                            assertThat(browser.byId("reports-form").getText())
                                    .contains(lang.equals("en") ? "All warehouses" : "全部仓库");
                        }
                    }
                    opened++;
                }
            }
        }
        assertThat(opened).isEqualTo(2 * (3 + 7 + 6 + 7 + 7 + 6));
    }

    private static List<String> plus(List<String> users, String user) {
        List<String> all = new java.util.ArrayList<>(users);
        all.add(user);
        return all;
    }

    private static void awaitCharts(Browser browser) {
        for (String id : List.of("value-chart", "turnover-chart", "stockout-chart", "aging-chart")) {
            browser.await(
                    id + " to be drawn",
                    d -> Boolean.TRUE.equals(browser.script(
                            "var c = document.getElementById(arguments[0]);"
                                    + " return !!(window.echarts && echarts.getInstanceByDom(c) && c.querySelector('canvas'));",
                            id)));
        }
    }
}
