package org.openvmi.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.web.EnumLabels;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Reasons the system writes on movements read in the page's language; what people typed stays as typed. */
class MovementReasonsTest {

    private final MovementReasons reasons;

    MovementReasonsTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/inventory", "i18n/enums");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        reasons = new MovementReasons(messages, new EnumLabels(messages));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void an_ownership_transfer_and_a_written_off_difference_read_in_chinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(reasons.label("ownership from S001 (CONSUMPTION)")).isEqualTo("物权自 S001 转入（消耗）");
        assertThat(reasons.label("ownership to buyer (STAGED)")).isEqualTo("物权转给买方（低于安全线）");
        assertThat(reasons.label("transfer difference")).isEqualTo("调拨差异核销");
        assertThat(reasons.label("in transit to WH2-B1")).isEqualTo("在途，调往 WH2-B1");
        assertThat(reasons.label("transfer from WH1-B1")).isEqualTo("调拨自 WH1-B1");
        assertThat(reasons.label("line 3 破损")).isEqualTo("line 3 破损");
        assertThat(reasons.label(null)).isEmpty();
    }

    @Test
    void in_english_the_kind_is_a_label_too() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(reasons.label("ownership from S001 (CONSUMPTION)"))
                .doesNotContain("CONSUMPTION")
                .startsWith("ownership from S001 (");
    }
}
