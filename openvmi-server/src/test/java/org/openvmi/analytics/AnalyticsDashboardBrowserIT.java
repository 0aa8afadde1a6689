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
