package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.AlertTestData;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every role, in Chinese and in English, opens its home and every page of its sidebar as a person would: no error
 * status, no raw message key, nothing wider than a 1440 px window, no page over 300 KB. Screenshots of each role's
 * home in both languages go to target/browser-screenshots/. Also: the sidebar on a phone, and the language switch on
 * the login page and on a filtered list.
 */
@BrowserTest
class RoleWorkspacesBrowserIT {

    private static final int MAX_BYTES = 300 * 1024;
    private static final By TITLE = By.cssSelector("main h1");

    /** Status, HTML size, page and window width, the first raw message key, the page's language. */
    private static final String INSPECT = """
            var nav = performance.getEntriesByType('navigation')[0];
            var html = document.documentElement.outerHTML;
            var key = html.match(/\\?\\?[^\\s<>?]+\\?\\?/);
            return [nav && nav.responseStatus ? nav.responseStatus : 0,
                    nav && nav.decodedBodySize ? nav.decodedBodySize : html.length,
                    document.documentElement.scrollWidth, document.documentElement.clientWidth,
                    key ? key[0] : '', document.documentElement.lang];""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    MockMvc mvc;

    private static boolean seeded;

    @BeforeEach
    void fixtures() throws Exception {
        Fixtures.ensure(jdbc, users);
        synchronized (RoleWorkspacesBrowserIT.class) {
            if (!seeded) { // an open alert for supplier A's item, so lists and the bell have a row
                new AlertTestData(mvc, Fixtures.SUPPLIER_A).crossSafetyAndWarning();
                seeded = true;
            }
        }
    }

    @Test
    void the_admin_reaches_every_page_of_its_sidebar_in_both_languages(Browser browser) {
        visitEverything(browser, "t-admin");
    }

    @Test
    void the_buyer_reaches_every_page_of_its_sidebar_in_both_languages(Browser browser) {
        visitEverything(browser, "t-buyer");
    }

    @Test
    void the_warehouse_reaches_every_page_of_its_sidebar_in_both_languages(Browser browser) {
        visitEverything(browser, "t-warehouse");
    }

    @Test
    void finance_reaches_every_page_of_its_sidebar_in_both_languages(Browser browser) {
        List<String> links = visitEverything(browser, "t-finance");
        assertThat(links).doesNotContain("/scan", "/receipts/new", "/admin/users");
    }

    @Test
    void the_planner_reaches_every_page_of_its_sidebar_in_both_languages(Browser browser) {
        visitEverything(browser, "t-planner");
    }

    @Test
    void the_viewer_reaches_every_page_of_its_sidebar_in_both_languages(Browser browser) {
        List<String> links = visitEverything(browser, "t-viewer");
        assertThat(links).doesNotContain("/scan", "/receipts/new", "/counts", "/requisitions/inbox");
    }

    @Test
    void a_supplier_reaches_every_page_of_its_portal_in_both_languages_and_nothing_else(Browser browser) {
        List<String> links = visitEverything(browser, Fixtures.SUPPLIER_USER_A);
        assertThat(links)
                .contains("/portal", "/vmi/calloffs", "/settlements", "/vmi/to-ship")
                .doesNotContain("/items", "/stock", "/movements", "/planning/suggestions", "/shortages");
    }

    /** Signs in, then in zh-CN and English opens the home and each sidebar link; returns the links (zh-CN). */
    private List<String> visitEverything(Browser browser, String user) {
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.logIn(user, Fixtures.PASSWORD);
        List<String> problems = new ArrayList<>();
        List<String> first = null;
        for (String lang : List.of("zh_CN", "en")) {
            String tag = lang.equals("en") ? "en" : "zh-CN";
            browser.open("/?lang=" + lang);
            check(browser, "/", tag, problems);
            browser.screenshot("home-" + user + "-" + tag);
            String clearance = user.equals("t-warehouse")
                    ? "todo-clearance"
                    : user.equals("t-buyer") ? "todo-buyer-clearance" : null;
            if (clearance != null) { // the rules' clearance tasks, linked to their list
                WebElement card = browser.driver().findElement(By.id(clearance));
                assertThat(card.getDomAttribute("href")).isEqualTo("/clearance-tasks?status=OPEN");
                assertThat(card.findElement(By.className("label")).getText())
                        .isEqualTo(tag.equals("en") ? "Clearance tasks open" : "待处理清理任务");
            }
            Set<String> links = new LinkedHashSet<>();
            for (WebElement a : browser.driver().findElements(By.cssSelector("#sidebar a"))) {
                links.add(a.getDomAttribute("href"));
            }
            assertThat(links).as(user + "'s sidebar").isNotEmpty();
            for (String href : links) {
                browser.open(href);
                check(browser, href, tag, problems);
            }
            if (first == null) {
                first = List.copyOf(links);
            }
        }
        assertThat(problems).as(user).isEmpty();
        return first;
    }

    private static void check(Browser browser, String href, String lang, List<String> problems) {
        List<?> r = (List<?>) browser.script(INSPECT);
        long status = ((Number) r.get(0)).longValue();
        long bytes = ((Number) r.get(1)).longValue();
        long scrollWidth = ((Number) r.get(2)).longValue();
        long clientWidth = ((Number) r.get(3)).longValue();
        String where = lang + " " + href + ": ";
        if (status >= 400) {
            problems.add(where + "status " + status);
        }
        if (bytes >= MAX_BYTES) {
            problems.add(where + bytes + " bytes");
        }
        if (scrollWidth > clientWidth) {
            problems.add(where + "wider than the window (" + scrollWidth + " > " + clientWidth + ")");
        }
        if (!((String) r.get(4)).isEmpty()) {
            problems.add(where + "raw message key " + r.get(4));
        }
        if (!href.startsWith("/swagger-ui") && !lang.equals(r.get(5))) {
            problems.add(where + "page language " + r.get(5));
        }
    }

    @Test
    void on_a_phone_the_sidebar_folds_away_behind_the_menu_button(Browser browser) {
        browser.logIn("t-warehouse", Fixtures.PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/");
        browser.byId("sidebar-toggle");
        assertThat(browser.driver().findElement(By.id("sidebar")).isDisplayed()).isFalse();
        assertThat(browser.script(
                        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isEqualTo(true);
        browser.click("sidebar-toggle");
        browser.byId("nav-scan").click();
        browser.await("the scan page", d -> browser.currentPath().startsWith("/scan"));
        assertThat(browser.driver().findElement(By.id("sidebar")).isDisplayed()).isFalse();
        browser.screenshot("phone-scan-t-warehouse");
    }

    @Test
    void the_language_switch_works_on_the_login_page_and_signing_in_afterwards_works(Browser browser) {
        browser.open("/login");
        browser.awaitText(TITLE, "登录");
        browser.click("lang-en");
        browser.awaitText(TITLE, "Sign in");
        assertThat(browser.currentPath()).isEqualTo("/login?lang=en");

        browser.type("username", "t-buyer").type("password", Fixtures.PASSWORD).click("login-submit");
        browser.awaitText("current-user", "t-buyer");
        assertThat(browser.currentPath()).isEqualTo("/");
        browser.awaitText(TITLE, "Overview");
        assertThat(browser.driver().findElement(By.id("nav-items")).getText()).isEqualTo("Items");
    }

    @Test
    void switching_the_language_keeps_the_filters_of_the_page(Browser browser) {
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        browser.open("/purchase-orders?status=SENT");
        browser.click("lang-en");
        browser.await(
                "the English page with its filter",
                d -> browser.currentPath().contains("status=SENT")
                        && browser.currentPath().contains("lang=en"));
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        browser.click("lang-zh");
        browser.await(
                "the Chinese page with its filter",
                d -> browser.currentPath().equals("/purchase-orders?status=SENT&lang=zh_CN"));
        assertThat(browser.driver().findElement(By.id("nav-purchase-orders")).getDomAttribute("class"))
                .isEqualTo("current");
    }
}
