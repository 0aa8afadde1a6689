package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.CodedRefusal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Texts the system writes, stored as a code besides their English text, read in the page's language (ADR 0084):
 * planning run failures, a rule's disable note, webhook attempt errors, refusals kept with a bulk outcome.
 */
class SystemTextsTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasenames("i18n/messages", "i18n/planning", "i18n/integration", "i18n/notification", "i18n/enums");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private final SystemTexts texts = new SystemTexts(messages);
    private final RefusalTexts refusals = new RefusalTexts(messages);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void every_code_the_system_writes_has_a_text_in_both_languages() {
        List<String> keys = List.of(
                "planning.runs.errorCode.queueFull",
                "planning.runs.errorCode.noHeartbeat",
                "planning.runs.errorCode.failed",
                "rules.disabledCode.failedRuns",
                "channels.closeCode.reservationExpired",
                "channels.closeCode.reservationReleased",
                "domain.noApprovalRule",
                "domain.waitsForOtherApprover",
                "domain.noPendingStep",
                "domain.noSource",
                "domain.requisitionUnknown",
                "rules.runError.notCompiled",
                "rules.runError.timeBudget",
                "rules.runError.evaluation",
                "rules.runError.readFailed",
                "rules.runError.actionsFailed");
        List<String> webhook = List.of(
                "httpStatus", "timeout", "refused", "unknownHost", "tls", "network", "badUrl", "interrupted", "other");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(locale);
            for (String key : keys) {
                int dot = key.lastIndexOf('.') + 1;
                assertThat(texts.known(key.substring(0, dot), key.substring(dot)))
                        .as(key + " in " + locale)
                        .isTrue();
            }
            for (String code : webhook) {
                assertThat(texts.known("webhooks.errorCode.", code))
                        .as(code + " in " + locale)
                        .isTrue();
            }
        }
        List<String> notification = List.of(
                "httpStatus",
                "robotRefused",
                "unreadableAnswer",
                "robotGone",
                "robotNotChosen",
                "mailAuth",
                "mailPrepare",
                "mailSend",
                "timeout",
                "refused",
                "unknownHost",
                "tls",
                "network",
                "badUrl",
                "interrupted",
                "other");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(locale);
            for (String code : notification) {
                assertThat(texts.known("notification.errorCode.", code))
                        .as(code + " in " + locale)
                        .isTrue();
            }
        }
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        for (String code : notification) {
            assertThat(texts.text("notification.errorCode.", code, "x"))
                    .as("the Chinese text of " + code + " has no English")
                    .doesNotContainPattern("[A-Za-z]");
        }
        for (String key :
                keys.stream().filter(k -> k.startsWith("rules.runError.")).toList()) {
            assertThat(texts.text("rules.runError.", key.substring("rules.runError.".length()), "x"))
                    .doesNotContainPattern("[A-Za-z]");
        }
        for (String code : webhook) {
            assertThat(texts.text("webhooks.errorCode.", code, "x", 503))
                    .as("the Chinese text of " + code + " has no English")
                    .doesNotContainPattern("[A-Za-z]");
        }
    }

    @Test
    void a_code_reads_in_the_pages_language_with_its_arguments_and_an_unknown_one_as_stored() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.text("planning.runs.errorCode.", "queueFull", "too many planning runs queued"))
                .isEqualTo("排队的计划运行过多，请稍后重新启动");
        assertThat(texts.text("webhooks.errorCode.", "httpStatus", "HTTP 500", 500))
                .isEqualTo("接收方返回状态码 500");
        assertThat(texts.text("rules.disabledCode.", "failedRuns", "Disabled after 3 failed runs", 3))
                .isEqualTo("连续 3 次运行失败后已被引擎停用");
        // a row older than its code that did not map, or a code this version does not know: the text as stored
        assertThat(texts.text("planning.runs.errorCode.", null, "something else"))
                .isEqualTo("something else");
        assertThat(texts.text("planning.runs.errorCode.", "newer", "a newer text"))
                .isEqualTo("a newer text");
        assertThat(texts.known("planning.runs.errorCode.", "newer")).isFalse();
        assertThat(texts.known("planning.runs.errorCode.", null)).isFalse();

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.text("webhooks.errorCode.", "refused", "ConnectException"))
                .isEqualTo("connection refused or host unreachable");
        assertThat(texts.text("planning.runs.errorCode.", "noHeartbeat", "no heartbeat for PT2M: its instance stopped"))
                .isEqualTo("the instance running it stopped (no heartbeat)");
    }

    @Test
    void a_refusal_kept_with_its_code_reads_in_the_pages_language_its_labels_too() {
        List<Object> args = List.of("PR-12", new CodedRefusal.Label("enum.Role.FINANCE", "role:FINANCE"));
        String english = "Requisition PR-12 waits for role:FINANCE, not for t-buyer";
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(refusals.coded("waitsForOtherApprover", args, english)).isEqualTo("请购单 PR-12 等待 财务 审批，不是你");
        // the amount as every page shows money (¥1,200.00), not as the API's text (1200 CNY)
        List<Object> amount = List.of(new CodedRefusal.Amount(new java.math.BigDecimal("1200.0000"), "CNY"), "WH-9");
        assertThat(amount.get(0)).hasToString("1200 CNY");
        assertThat(refusals.coded("noApprovalRule", amount, "no approval rule covers 1200 CNY for warehouse WH-9"))
                .isEqualTo("没有审批规则覆盖仓库 WH-9 的 ¥1,200.00，请联系管理员添加");
        // read back from JSON (an idempotent replay) it has no arguments: its English phrasing is recognised
        assertThat(refusals.coded("noSource", null, "item BRG-9 has no supplier on its source list"))
                .isEqualTo("物料 BRG-9 的货源清单中没有供应商");
        assertThat(refusals.coded(null, null, "Requisition 77 does not exist")).isEqualTo("请购单 PR-77 不存在");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(refusals.coded("waitsForOtherApprover", args, english))
                .isEqualTo("Requisition PR-12 waits for Finance, not for you");
        assertThat(refusals.coded("noApprovalRule", amount, "no approval rule covers 1200 CNY for warehouse WH-9"))
                .isEqualTo("No approval rule covers ¥1,200.00 for warehouse WH-9; ask an administrator to add one");
    }
}
