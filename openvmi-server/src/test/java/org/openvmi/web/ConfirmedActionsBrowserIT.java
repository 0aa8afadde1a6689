package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delete buttons asked through an inline {@code onsubmit="return confirm(…)"}, which the Content-Security-Policy
 * blocks without a word: one click deleted the record. Now a form's data-confirm question is asked by openvmi.js;
 * dismissing it changes nothing, accepting it does what the button says, and the browser reports no violation.
 */
@BrowserTest
class ConfirmedActionsBrowserIT {

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

    private int warehouses(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM warehouse WHERE code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
    }

    @Test
    void deleting_asks_first_and_dismissing_the_question_keeps_the_record(Browser browser) {
        String code = Fixtures.unique("CNF");
        jdbc.sql("INSERT INTO warehouse (code, name) VALUES (:c, '确认仓')")
                .param("c", code)
                .update();
        browser.logIn("t-admin", Fixtures.PASSWORD);
        browser.open("/warehouses/" + code);
        browser.script("window.notReloaded = true;");

        browser.click("delete");
        Alert question = browser.await("the confirmation", ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).isEqualTo("确定删除这条记录吗？");
        question.dismiss();

        assertThat(browser.script("return window.notReloaded === true;"))
                .as("the form was not sent")
                .isEqualTo(true);
        assertThat(browser.currentPath()).isEqualTo("/warehouses/" + code);
        assertThat(warehouses(code)).isEqualTo(1);

        browser.click("delete");
        browser.await("the confirmation", ExpectedConditions.alertIsPresent()).accept();
        browser.await("the warehouse list", d -> browser.currentPath().equals("/warehouses"));
        assertThat(warehouses(code)).isZero();

        assertThat(cspViolations(browser)).isEmpty();
    }
}
