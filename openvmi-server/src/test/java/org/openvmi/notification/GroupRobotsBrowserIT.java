package org.openvmi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openvmi.notification.model.RobotMessages;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Group robots in the browser (ADR 0076): the admin adds one on its page in Chinese and in English (a bad address is
 * refused at its field), sends it a test message that a local receiver standing in for WeCom gets; a supplier user
 * adds its own DingTalk robot in its portal, which never shows the buyer's robots, and its test message is signed.
 * The edit form and the enable / disable button: a form saved unchanged changes nothing (address and secret
 * included), a change of name and notices is saved, a robot is switched off and on, in both languages.
 */
@BrowserTest
@TestPropertySource(
        properties = {
            "openvmi.notifications.robots.allowed-hosts=127.0.0.1",
            "openvmi.notifications.send-interval=200ms"
        })
class GroupRobotsBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    HttpServer receiver;
    final List<String[]> received = Collections.synchronizedList(new ArrayList<>()); // query, body

    @BeforeEach
    void setUp() throws IOException {
        Fixtures.ensure(jdbc, users);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String[] {
                exchange.getRequestURI().getRawQuery(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
            });
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    List<String[]> to(String key) {
        synchronized (received) {
            return received.stream()
                    .filter(r -> r[0] != null && r[0].contains(key))
                    .toList();
        }
    }

    /** Waits until the page lists the robot just added, then returns its id. */
    long added(Browser browser, String name) {
        browser.await(
                "robot " + name + " listed",
                d -> d.findElement(By.id("robot-table")).getText().contains(name));
        return idOf(name);
    }

    long idOf(String name) {
        return jdbc.sql("SELECT id FROM notification_robot WHERE name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    Map<String, Object> stored(long id) {
        return jdbc.sql("SELECT * FROM notification_robot WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    Object column(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM notification_robot WHERE id = :id")
                .param("id", id)
                .query()
                .singleValue();
    }

    @Test
    void the_admin_edits_a_robot_and_switches_it_off_and_on_in_chinese_and_english(Browser admin) {
        String name = Fixtures.unique("编辑群");
        String key = Fixtures.unique("editkey");
        admin.logIn("t-admin", Fixtures.PASSWORD);
        admin.open("/admin/robots?lang=zh");
        admin.type("name", name);
        admin.type("address", base() + "/cgi-bin/webhook/send?key=" + key);
        admin.click("add-robot");
        long id = added(admin, name);
        assertThat(admin.byId("edit-" + id).getText()).isEqualTo("编辑");

        // the form saved as it is shown (address masked, secret empty) changes nothing at all
        Map<String, Object> before = stored(id);
        admin.click("edit-" + id);
        assertThat(admin.visible(By.tagName("h1")).getText()).isEqualTo("编辑群机器人 " + name);
        assertThat(admin.byId("address").getDomProperty("value"))
                .endsWith("/cgi-bin/webhook/send?…")
                .doesNotContain(key);
        assertThat(admin.byId("name").getDomProperty("value")).isEqualTo(name);
        admin.click("save-robot");
        admin.awaitText("flash", "群机器人 " + name + " 已保存。");
        assertThat(stored(id)).isEqualTo(before);

        // its name and notices changed on the page; the stored address is kept
        String renamed = Fixtures.unique("改名群");
        admin.click("edit-" + id);
        admin.type("name", renamed);
        admin.click("toShip1");
        admin.click("alertTypes1"); // the first alert type only
        admin.click("save-robot");
        admin.await(
                "the renamed robot listed",
                d -> d.findElement(By.id("robot-" + id)).getText().contains(renamed));
        assertThat(admin.byId("robot-" + id).getText()).contains("待发货").doesNotContain(key);
        assertThat(column(id, "name")).isEqualTo(renamed);
        assertThat(column(id, "to_ship")).isEqualTo(true);
        assertThat(column(id, "alert_types")).isEqualTo("STOCKOUT");
        assertThat(column(id, "robot_url")).isEqualTo(base() + "/cgi-bin/webhook/send?key=" + key);

        // switched off and on
        admin.click("toggle-" + id);
        admin.awaitText("state-" + id, "已停用");
        assertThat(admin.byId("toggle-" + id).getText()).isEqualTo("启用");
        assertThat(column(id, "enabled")).isEqualTo(false);
        admin.click("toggle-" + id);
        admin.awaitText("state-" + id, "已启用");
        assertThat(column(id, "enabled")).isEqualTo(true);

        // in English: a blank name is refused at its field, then the notices change and it is switched off and on
        admin.open("/admin/robots?lang=en");
        admin.click("edit-" + id);
        assertThat(admin.visible(By.tagName("h1")).getText()).isEqualTo("Edit group robot " + renamed);
        admin.type("name", " ");
        admin.click("save-robot");
        assertThat(admin.byId("name-error").getText()).isNotBlank();
        assertThat(admin.driver().findElement(By.tagName("main")).getText()).doesNotContain("编辑");
        String english = Fixtures.unique("team-en");
        admin.type("name", english);
        admin.click("toShip1");
        admin.click("save-robot");
        admin.awaitText("flash", "Group robot " + english + " saved.");
        assertThat(admin.byId("robot-" + id).getText()).contains(english).doesNotContain("To ship");
        assertThat(column(id, "to_ship")).isEqualTo(false);
        admin.click("toggle-" + id);
        admin.awaitText("state-" + id, "Disabled");
        assertThat(admin.byId("toggle-" + id).getText()).isEqualTo("Enable");
        admin.click("toggle-" + id);
        admin.awaitText("state-" + id, "Enabled");
        assertThat(column(id, "enabled")).isEqualTo(true);
        jdbc.sql("DELETE FROM notification_robot WHERE id = :id")
                .param("id", id)
                .update();
    }

    @Test
    void the_admin_adds_a_group_robot_and_tests_it_in_chinese_and_english(Browser admin) {
        String name = Fixtures.unique("仓库群");
        String key = Fixtures.unique("adminkey");
        admin.logIn("t-admin", Fixtures.PASSWORD);
        admin.open("/admin/robots?lang=zh");
        assertThat(admin.visible(By.tagName("h1")).getText()).isEqualTo("群机器人");
        assertThat(admin.driver()
                        .findElement(By.id("nav-robots"))
                        .getDomProperty("textContent")
                        .trim())
                .isEqualTo("群机器人");
        admin.type("name", name);
        admin.type("address", base() + "/cgi-bin/webhook/send?key=" + key);
        admin.click("add-robot");
        long id = added(admin, name);
        String row = admin.byId("robot-" + id).getText();
        assertThat(row).contains(name).contains("企业微信").contains("全部仓库").doesNotContain(key);
        String main = admin.driver().findElement(By.tagName("main")).getText();
        assertThat(main)
                .doesNotContain("Group robot")
                .doesNotContain("Send a test")
                .doesNotContain("Webhook address");

        admin.click("test-" + id);
        await().atMost(Duration.ofSeconds(30)).until(() -> !to(key).isEmpty());
        assertThat(to(key).get(0)[1]).contains("\"msgtype\":\"markdown\"").contains("OpenVMI 测试消息");
        admin.await("the test message shown as sent", d -> {
            d.navigate().refresh();
            return d.findElement(By.id("robot-" + id)).getText().contains("已发送");
        });

        // in English, a robot address outside the robots' hosts is refused at its field
        admin.open("/admin/robots?lang=en");
        assertThat(admin.visible(By.tagName("h1")).getText()).isEqualTo("Group robots");
        admin.type("name", Fixtures.unique("bad"));
        admin.type("address", "http://169.254.169.254/cgi-bin/webhook/send?key=x");
        admin.click("add-robot");
        assertThat(admin.byId("address-error").getText()).isNotBlank();
        assertThat(admin.byId("test-" + id).getText()).isEqualTo("Send a test message");

        admin.click("delete-" + id);
        admin.await("the confirmation", ExpectedConditions.alertIsPresent()).accept();
        admin.await("the robot gone", d -> d.findElements(By.id("robot-" + id)).isEmpty());
    }

    @Test
    void a_supplier_adds_its_own_signed_dingtalk_robot_in_its_portal(Browser supplier) {
        String buyers = Fixtures.unique("buyer-group");
        try (Browser admin = supplier.another()) {
            admin.logIn("t-admin", Fixtures.PASSWORD);
            admin.open("/admin/robots?lang=en");
            admin.type("name", buyers);
            admin.type("address", base() + "/cgi-bin/webhook/send?key=" + buyers);
            admin.click("add-robot");
            added(admin, buyers);
        }
        String name = Fixtures.unique("B-group");
        String token = Fixtures.unique("btoken");
        supplier.logIn(Fixtures.SUPPLIER_USER_B, Fixtures.PASSWORD);
        supplier.open("/portal?lang=zh");
        assertThat(supplier.driver().findElement(By.id("nav-portal-robots")).getDomAttribute("href"))
                .isEqualTo("/portal/robots");
        supplier.open("/portal/robots");
        assertThat(supplier.driver().getPageSource()).doesNotContain(buyers);
        assertThat(supplier.driver().findElements(By.id("supplier")))
                .as("its own supplier only")
                .isEmpty();
        assertThat(supplier.driver().findElements(By.cssSelector("input[name=approvals]")))
                .isEmpty();
        supplier.type("name", name);
        supplier.driver()
                .findElement(By.cssSelector("input[name=kind][value=DINGTALK]"))
                .click();
        supplier.type("address", base() + "/robot/send?access_token=" + token);
        supplier.type("secret", "SECsupplier-b-secret");
        supplier.click("add-robot");
        long id = added(supplier, name);
        assertThat(supplier.byId("robot-" + id).getText())
                .contains("钉钉")
                .contains("已加签")
                .contains("供应商 " + Fixtures.SUPPLIER_B)
                .doesNotContain(token)
                .doesNotContain("SECsupplier");

        supplier.click("test-" + id);
        await().atMost(Duration.ofSeconds(30)).until(() -> !to(token).isEmpty());
        String query = to(token).get(0)[0];
        long timestamp = Long.parseLong(query.replaceAll(".*timestamp=(\\d+).*", "$1"));
        String sign = query.replaceAll(".*sign=([^&]+).*", "$1");
        assertThat(URLDecoder.decode(sign, StandardCharsets.UTF_8))
                .isEqualTo(URLDecoder.decode(
                        RobotMessages.dingTalkSign("SECsupplier-b-secret", timestamp), StandardCharsets.UTF_8));

        // it edits its own robot: the secret is shown as signed only, an empty secret field keeps it
        supplier.click("edit-" + id);
        assertThat(supplier.byId("secret-signed").getText()).isEqualTo("已加签");
        assertThat(supplier.byId("secret").getDomProperty("value")).isEmpty();
        assertThat(supplier.driver().getPageSource()).doesNotContain(token).doesNotContain("SECsupplier");
        String renamed = Fixtures.unique("B-renamed");
        supplier.type("name", renamed);
        supplier.click("save-robot");
        supplier.await(
                "the renamed robot listed",
                d -> d.findElement(By.id("robot-" + id)).getText().contains(renamed));
        assertThat(supplier.byId("robot-" + id).getText()).contains("已加签");
        assertThat(column(id, "robot_secret")).isEqualTo("SECsupplier-b-secret");
        assertThat(column(id, "robot_url")).isEqualTo(base() + "/robot/send?access_token=" + token);

        // the buyer's admin page is not the supplier's
        supplier.open("/admin/robots");
        assertThat(supplier.driver().findElements(By.id("robot-form"))).isEmpty();
        jdbc.sql("DELETE FROM notification_robot WHERE name IN (:n)")
                .param("n", List.of(name, renamed, buyers))
                .update();
    }
}
