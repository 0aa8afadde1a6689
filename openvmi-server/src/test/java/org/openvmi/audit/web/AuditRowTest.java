package org.openvmi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.audit.AuditTrail.AuditEntry;
import org.openvmi.shared.web.RefusalTexts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log shows a refusal the system recorded (ORDER_REFUSED's reason) in the page's language: from its code and
 * arguments (ADR 0084), or, for an entry older than its code, from its English phrasing; the code and arguments are
 * not listed as fields of their own.
 */
class AuditRowTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasenames("i18n/messages", "i18n/procurement", "i18n/enums");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private final RefusalTexts refusals = new RefusalTexts(messages);
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private AuditRow row(String after) {
        return AuditRow.of(
                new AuditEntry(1, Instant.EPOCH, "system", "ORDER_REFUSED", "requisition", "PR-7", null, after),
                "label",
                json,
                refusals::coded);
    }

    @Test
    void an_order_refusal_reads_in_the_pages_language_from_its_code_and_an_old_one_from_its_english() {
        String coded = """
                {"reason":"item BRG-9 has no supplier on its source list","reasonCode":"noSource","reasonArgs":["BRG-9"]}""";
        String old = """
                {"reason":"item BRG-9 has no supplier on its source list"}""";
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(row(coded).changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("reason");
            assertThat(c.after()).isEqualTo("物料 BRG-9 的货源清单中没有供应商");
        });
        assertThat(row(old).changes())
                .singleElement()
                .satisfies(c -> assertThat(c.after()).isEqualTo("物料 BRG-9 的货源清单中没有供应商"));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(row(coded).changes())
                .singleElement()
                .satisfies(c -> assertThat(c.after()).doesNotContain("物料").contains("BRG-9"));
        // a text nobody coded stays as stored
        assertThat(row("{\"reason\":\"something new\"}").changes())
                .singleElement()
                .satisfies(c -> assertThat(c.after()).isEqualTo("something new"));
    }
}
