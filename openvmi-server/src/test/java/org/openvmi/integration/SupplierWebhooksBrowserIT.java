package org.openvmi.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supplier's own webhooks page in its portal (ADR 0071), as the supplier user, in English and in Chinese: it offers
 * only the supplier's own event types, registers a webhook, sends it a test ping that a real receiver gets signed,
 * shows the delivery, never shows another supplier's webhook, and deletes it.
 */
@BrowserTest
class SupplierWebhooksBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.ensure(jdbc, users);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void a_supplier_manages_its_own_webhooks_in_its_portal_in_english_and_chinese(Browser supplier) throws Exception {
        // another supplier's webhook, registered on its own portal page
        String theirs = "http://127.0.0.1:9/" + Fixtures.unique("their-hook");
        try (Browser other = supplier.another()) {
            other.logIn(Fixtures.SUPPLIER_USER_B, Fixtures.PASSWORD);
            other.open("/portal/webhooks?lang=en");
            other.type("url", theirs);
            other.click("register");
            other.byId("new-secret");
        }
        long theirId = idOf(theirs);

        supplier.logIn(Fixtures.SUPPLIER_USER_A, Fixtures.PASSWORD);
        supplier.open("/portal?lang=en");
        WebElement nav = supplier.driver().findElement(By.id("nav-portal-webhooks"));
        assertThat(nav.getDomAttribute("href")).isEqualTo("/portal/webhooks");
        assertThat(nav.getDomProperty("textContent").trim()).isEqualTo("Webhooks");
        supplier.open("/portal/webhooks");
        assertThat(supplier.visible(By.tagName("h1")).getText()).isEqualTo("Webhooks");
        List<String> offered =
                supplier.driver().findElements(By.cssSelector("#event-types input[type=checkbox]")).stream()
                        .map(e -> e.getDomAttribute("value"))
                        .toList();
        assertThat(offered).containsExactlyInAnyOrderElementsOf(WebhookEventTypes.SUPPLIER_OWNED);
        assertThat(offered).doesNotContain(WebhookEventTypes.ALERT_RAISED, WebhookEventTypes.STOCK_CHANGED);
        assertThat(supplier.driver().getPageSource()).doesNotContain(theirs);

        String url = receiver.url() + "?" + Fixtures.unique("mine");
        supplier.type("url", url);
        supplier.type("secret", "supplier-secret-0123456789");
        supplier.click("register");
        supplier.byId("new-secret");
        long id = idOf(url);
        assertThat(supplier.byId("webhook-" + id).getText()).contains(url);

        supplier.click("test-" + id);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !receiver.mentioning("\"webhook\":" + id).isEmpty());
        WebhookReceiver.Received ping = receiver.mentioning("\"webhook\":" + id).get(0);
        assertThat(ping.header("X-OpenVMI-Event")).isEqualTo("webhook.test");
        String timestamp = ping.header("X-OpenVMI-Timestamp");
        assertThat(ping.header("X-OpenVMI-Signature"))
                .isEqualTo(WebhookContract.hmac("supplier-secret-0123456789", timestamp, ping.body()));
        assertThat(ping.body()).contains("\"supplier\":\"" + Fixtures.SUPPLIER_A + "\"");
        assertThat(supplier.currentPath()).startsWith("/portal/webhooks/" + id);
        supplier.await("the delivered test ping", d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("#delivery-table tbody tr[id^=delivery-]")).stream()
                    .map(WebElement::getText)
                    .anyMatch(row -> row.contains("webhook.test") && row.contains("Delivered"));
        });

        // another supplier's webhook: not found, back to the list, nothing of it shown
        supplier.open("/portal/webhooks/" + theirId + "?lang=en");
        assertThat(supplier.currentPath()).startsWith("/portal/webhooks");
        assertThat(supplier.driver().getPageSource()).doesNotContain(theirs);
        // nor the buyer's admin page
        supplier.open("/admin/webhooks");
        assertThat(supplier.driver().findElements(By.id("webhook-form"))).isEmpty();

        // the same pages in Chinese: no English left in them
        supplier.open("/portal/webhooks?lang=zh");
        assertThat(supplier.visible(By.tagName("h1")).getText()).isEqualTo("事件回调");
        assertThat(supplier.driver()
                        .findElement(By.id("nav-portal-webhooks"))
                        .getDomProperty("textContent")
                        .trim())
                .isEqualTo("事件回调");
        assertThat(supplier.byId("test-" + id).getText()).isEqualTo("发送测试");
        String main = supplier.driver().findElement(By.tagName("main")).getText();
        assertThat(main).contains("补货建议已生成").doesNotContain("Webhook").doesNotContain("Signature ");
        supplier.open("/portal/webhooks/" + id);
        assertThat(supplier.visible(By.tagName("h1")).getText()).startsWith("投递记录");
        assertThat(supplier.byId("delivery-table").getText()).contains("已投递");

        supplier.open("/portal/webhooks");
        supplier.click("delete-" + id);
        supplier.await("the confirmation", ExpectedConditions.alertIsPresent()).accept();
        supplier.await(
                "the webhook gone", d -> d.findElements(By.id("webhook-" + id)).isEmpty());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE id = :id AND deleted_at IS NULL")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE id = :id")
                        .param("id", theirId)
                        .query(Long.class)
                        .single())
                .isOne();
        jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id")
                .param("id", theirId)
                .update();
    }

    private long idOf(String url) {
        return jdbc.sql("SELECT id FROM webhook_subscription WHERE url = :u")
                .param("u", url)
                .query(Long.class)
                .single();
    }
}
