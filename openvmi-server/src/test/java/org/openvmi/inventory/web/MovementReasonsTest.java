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
    private final EnumLabels labels;

    MovementReasonsTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/inventory", "i18n/enums", "i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        labels = new EnumLabels(messages);
        reasons = new MovementReasons(messages, labels);
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

    /** ADR 0078: every fixed reason a feature writes on its movements reads in Chinese, and the invented actors too. */
    @Test
    void the_fixed_reasons_of_receipts_consumption_orders_counts_and_the_import_read_in_chinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(reasons.label("VMI receipt")).isEqualTo("VMI 寄售收货");
        assertThat(reasons.label("VMI consumption")).isEqualTo("VMI 寄售消耗");
        assertThat(reasons.label("PO receipt")).isEqualTo("采购订单收货");
        assertThat(reasons.label("channel order")).isEqualTo("渠道订单");
        assertThat(reasons.label("cycle count")).isEqualTo("循环盘点");
        assertThat(reasons.label("opening balance (go-live import)")).isEqualTo("期初库存（上线导入）");
        assertThat(reasons.label("PO receipt, damaged")).as("typed: as typed").isEqualTo("PO receipt, damaged");
        assertThat(labels.person("system")).isEqualTo("系统");
        assertThat(labels.person("scheduler")).isEqualTo("定时任务");
        assertThat(labels.person("t-buyer")).isEqualTo("t-buyer");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(reasons.label("VMI receipt")).isEqualTo("VMI receipt");
        assertThat(labels.person("system")).isEqualTo("System");
    }
}
