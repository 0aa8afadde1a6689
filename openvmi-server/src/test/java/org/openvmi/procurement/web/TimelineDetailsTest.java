package org.openvmi.procurement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.web.EnumLabels;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The PO timeline's stored English details as a zh-CN page shows them: phrases translated, codes and numbers kept. */
class TimelineDetailsTest {

    private final TimelineDetails timeline;

    TimelineDetailsTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/procurement", "i18n/enums", "i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        timeline = new TimelineDetails(messages, new EnumLabels(messages), new ApprovalRuleNames(messages));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void the_phrases_the_system_wrote_read_in_chinese_and_codes_quantities_and_dates_stay() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(timeline.details(
                        "from REQ-7: BRG-1 100 @ 2.95 (primary source); NUT-2 50 @ 1 (no primary source: cheapest)"))
                .isEqualTo("来自 REQ-7： BRG-1 100 @ 2.95 （主供应商）; NUT-2 50 @ 1 （无主供应商：最低价）");
        assertThat(timeline.details("to T-SUP-A (portal)")).isEqualTo("经供应商门户发送给 T-SUP-A");
        assertThat(timeline.details("as ordered — 明天发货")).isEqualTo("按订单确认 — 明天发货");
        assertThat(timeline.details("BRG-1 100 by 2026-12-24")).isEqualTo("BRG-1 100，交期 2026-12-24");
        assertThat(timeline.details("FP-2026-1: PRICE_VARIANCE")).isEqualTo("FP-2026-1: 价格差异");
        assertThat(timeline.details("RC-3: BRG-1 10 (rejected 2: 破损)")).isEqualTo("RC-3: BRG-1 10 （拒收 2：破损）");
        assertThat(timeline.details("供应商说明")).isEqualTo("供应商说明");
        assertThat(timeline.details("approval rule 小额 lets the requester approve it"))
                .as("the comment of a step approved by the requester's own rule (ADR 0078)")
                .isEqualTo("审批规则 小额 允许申请人自行审批");
        // the rule every install gets is stored as "default": said in the page's language
        assertThat(timeline.details("rule default")).isEqualTo("审批规则 默认");
        assertThat(timeline.details("approval rule default lets the requester approve it"))
                .isEqualTo("审批规则 默认 允许申请人自行审批");
        assertThat(timeline.details("rule defaults")).isEqualTo("审批规则 defaults");
        assertThat(timeline.details(null)).isEmpty();
    }

    @Test
    void in_english_the_page_reads_as_the_api_does() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(timeline.details("to T-SUP-A (portal)")).isEqualTo("to T-SUP-A (portal)");
        assertThat(timeline.details("FP-1: MATCHED")).isEqualTo("FP-1: Matched");
        assertThat(timeline.details("rule default")).isEqualTo("rule Default");
    }
}
