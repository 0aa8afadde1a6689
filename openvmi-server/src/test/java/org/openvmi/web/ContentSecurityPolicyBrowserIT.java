package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12: the pages work under the Content-Security-Policy — an ECharts chart draws, htmx swaps a list in place,
 * the script moved out of the user form runs, Swagger UI loads — and the browser reports no violation; an inline
 * script injected into the page does not run.
 */
@BrowserTest
class ContentSecurityPolicyBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    private static List<String> cspViolations(Browser browser) {
        return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
    }

    @Test
    void charts_htmx_the_user_form_and_swagger_ui_work_without_a_single_csp_violation(Browser browser) {
        String code = Fixtures.unique("CSP");
        jdbc.sql("INSERT INTO item (code, name, uom, category) VALUES (:c, '内容安全策略', 'PCS', 'csp')")
                .param("c", code)
                .update();
        browser.logIn("t-admin", Fixtures.PASSWORD);

        // ECharts, drawn by /js/home-chart.js from the page's JSON block
        browser.open("/");
        browser.await(
                "the category chart to be drawn",
                d -> Boolean.TRUE.equals(browser.script("var c = document.getElementById('category-chart');"
                        + " return !!(window.echarts && echarts.getInstanceByDom(c) && c.querySelector('canvas'));")));
        assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('category-chart'))"
                        + ".getOption().xAxis[0].data.indexOf('csp') >= 0;"))
                .isEqualTo(true);

        // htmx: the live search swaps the table without loading the page again
        browser.open("/items");
        browser.script("window.notReloaded = true;");
        browser.type("q", code);
        browser.await(
                "the live search to show only the new item",
                d -> code.equals(
                                browser.script(
                                        "return document.querySelector('.htmx-request') ? null : new URLSearchParams(location.search).get('q');"))
                        && d.findElements(By.cssSelector("#item-table tbody tr[id^='item-']"))
                                        .size()
                                == 1);
        assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);

        // the user form's script, now in openvmi.js: the supplier field shows only for the SUPPLIER role
        browser.open("/admin/users/new");
        browser.await(
                "the supplier field to be hidden",
                d -> !d.findElement(By.id("supplier-field")).isDisplayed());
        browser.driver()
                .findElement(By.cssSelector("input.role[value='SUPPLIER']"))
                .click();
        browser.await(
                "the supplier field to show",
                d -> d.findElement(By.id("supplier-field")).isDisplayed());

        // Swagger UI (WebJar) renders the API's operations
        browser.open("/swagger-ui.html");
        browser.await(
                "Swagger UI's operations",
                d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());

        assertThat(cspViolations(browser)).isEmpty();

        // and the policy is really enforced: an injected inline script does not run, and the browser says so
        browser.open("/");
        browser.script("var s = document.createElement('script'); s.textContent = 'window.injected = true;';"
                + " document.body.appendChild(s);");
        assertThat(browser.script("return window.injected === true;")).isEqualTo(false);
        browser.await(
                "the violation to be reported", d -> !cspViolations(browser).isEmpty());
    }
}
