package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The UI in a real browser: login, language switch, item form with validation, htmx live search. */
@BrowserTest
class BrowserJourneyIT {

    private static final By ITEM_ROWS = By.cssSelector("#item-table tbody tr[id^='item-']");
    private static final By TITLE = By.cssSelector("main h1");
    private static final By NAV_ITEMS = By.cssSelector("#sidebar a[href='/items']");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    @Test
    void a_buyer_signs_in_switches_between_english_and_chinese_creates_an_item_and_finds_it_with_the_live_search(
            Browser browser) {
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        // The browser asks for Chinese first (Accept-Language zh-CN).
        browser.awaitText(TITLE, "概览");

        browser.click("lang-en");
        browser.awaitText(TITLE, "Overview");
        assertThat(browser.driver().findElement(NAV_ITEMS).getText()).isEqualTo("Items");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");

        browser.click("lang-zh");
        browser.awaitText(TITLE, "概览");
        assertThat(browser.driver().findElement(NAV_ITEMS).getText()).isEqualTo("物料");
        browser.open("/items");
        browser.awaitText(TITLE, "物料"); // the choice is kept on the next page (cookie)

        String code = Fixtures.unique("BRW");
        String name = "深沟球轴承 " + chineseDigits(code.hashCode());
        String otherCode = Fixtures.unique("OTHER");
        jdbc.sql("INSERT INTO item (code, name, uom) VALUES (:c, '其他物料', 'PCS')")
                .param("c", otherCode)
                .update();

        browser.open("/items/new");
        browser.type("code", code)
                .type("name", name)
                .type("uom", "PCS")
                .type("category", "轴承")
                .type("unitCost", "12.5")
                .type("barcodesText", "69" + Math.abs(code.hashCode()));
        browser.click("save");
        browser.await("the item list after saving", d -> browser.currentPath().startsWith("/items?q=" + code));
        assertThat(browser.byId("flash").getText()).isEqualTo("物料 " + code + " 已保存。");
        assertThat(jdbc.sql("SELECT name FROM item WHERE code = :c")
                        .param("c", code)
                        .query(String.class)
                        .single())
                .isEqualTo(name);

        browser.open("/items");
        browser.await(
                "both items in the unfiltered list",
                d -> rowIds(d).containsAll(List.of("item-" + code, "item-" + otherCode)));
        browser.screenshot("items");
        WebElement tableBefore = browser.byId("item-table");
        browser.script("window.openvmiNotReloaded = true;");

        browser.type("q", name);
        browser.await(
                "the live search to show only the new item",
                d -> name.equals(
                                browser.script(
                                        "return document.querySelector('.htmx-request') ? null : new URLSearchParams(location.search).get('q');"))
                        && rowIds(d).equals(List.of("item-" + code)));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#item-" + code + " td:nth-child(2)"))
                        .getText())
                .isEqualTo(name);
        // htmx swapped the table in place, without loading the page again
        assertThat(browser.script("return window.openvmiNotReloaded === true;")).isEqualTo(true);
        assertThat(isStale(tableBefore)).isTrue();

        browser.open("/");
        browser.awaitText(TITLE, "概览");
        // draw the chart's final state at once instead of mid-animation
        browser.script(
                "echarts.getInstanceByDom(document.getElementById('category-chart')).setOption({animation: false});");
        browser.screenshot("home");
    }

    @Test
    void an_item_without_a_name_is_refused_with_a_message_next_to_the_name_field_and_nothing_is_saved(Browser browser) {
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        String code = Fixtures.unique("NONAME");
        long itemsBefore = itemCount();

        browser.open("/items/new");
        browser.type("code", code).type("uom", "PCS").type("category", "轴承");
        browser.click("save");

        WebElement error = browser.byId("name-error");
        assertThat(error.getText()).isEqualTo("请填写此项");
        WebElement field = error.findElement(By.xpath(".."));
        assertThat(field.findElement(By.id("name")).getDomAttribute("class")).contains("invalid");
        assertThat(browser.driver().findElements(By.id("code-error"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("uom-error"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("code")).getDomProperty("value"))
                .isEqualTo(code);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM item WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(itemCount()).isEqualTo(itemsBefore);
        browser.screenshot("item-form-error");
    }

    @Test
    void signing_in_with_a_wrong_password_shows_an_error_and_keeps_the_user_out(Browser browser) {
        browser.open("/login");
        browser.type("username", "t-viewer").type("password", "not-" + Fixtures.PASSWORD);
        browser.click("login-submit");

        assertThat(browser.byId("login-error").getText()).startsWith("用户名或密码错误");
        assertThat(browser.currentPath()).isEqualTo("/login?error");
        assertThat(browser.driver().findElements(By.id("current-user"))).isEmpty();

        browser.open("/items");
        browser.await("the login page", d -> browser.currentPath().startsWith("/login"));
    }

    private long itemCount() {
        return jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
    }

    private static List<String> rowIds(WebDriver driver) {
        return driver.findElements(ITEM_ROWS).stream()
                .map(row -> row.getDomAttribute("id"))
                .toList();
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    /** Chinese digits make the name unique, so that the search finds it by its Chinese text alone. */
    private static String chineseDigits(int number) {
        String digits = "〇一二三四五六七八九";
        return Integer.toString(Math.abs(number) % 1_000_000)
                .chars()
                .mapToObj(c -> String.valueOf(digits.charAt(c - '0')))
                .reduce("", String::concat);
    }
}
