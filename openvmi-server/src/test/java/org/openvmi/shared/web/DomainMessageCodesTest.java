package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The domain's English refusals, as a page shows them in zh-CN and en (issue 13). */
class DomainMessageCodesTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Test
    void a_duplicate_or_empty_statement_reads_in_chinese_with_the_supplier_the_period_and_the_statement() {
        assertThat(text(
                        "supplier 'S001' has a statement of 2026-11-01..2026-11-30 already (ST-42)",
                        Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("供应商“S001”已有 2026-11-01 至 2026-11-30 的对账单（ST-42）：每个供应商每期只有一张对账单");
        assertThat(text(
                        "supplier 'S001' has nothing to settle up to 2026-11-30: the statement would be 0.00",
                        Locale.SIMPLIFIED_CHINESE))
                .startsWith("供应商“S001”截至 2026-11-30 没有可对账的内容");
    }

    @Test
    void known_phrasings_read_in_both_languages_with_their_values() {
        assertThat(text("unknown item 'BRG-0027'", Locale.SIMPLIFIED_CHINESE)).isEqualTo("物料“BRG-0027”不存在");
        assertThat(text("unknown item 'BRG-0027'", Locale.ENGLISH)).isEqualTo("There is no item 'BRG-0027'");
        assertThat(text("is required", Locale.SIMPLIFIED_CHINESE)).isEqualTo("请填写此项");
        assertThat(text("must not be less than min (100)", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("不能小于最低量（100）");
        assertThat(text("'WH-A1' is not a VMI zone (type STORAGE)", Locale.ENGLISH))
                .isEqualTo("'WH-A1' is not a VMI zone");
        assertThat(text("Warehouse with code 'WH' already exists", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("“WH”已存在");
    }

    @Test
    void refusals_of_the_transfer_and_approval_rule_forms_read_in_chinese_with_their_values() {
        assertThat(text(
                        "Receiving more than shipped: item 'BRG-1' lot 'L7' shipped 10, received 4, open 6, requested 8",
                        Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("收货数量超过发货数量：物料“BRG-1”已发 10，已收 4，未收 6，本次要收 8");
        assertThat(text("unknown value 'GOD'; allowed: ADMIN, BUYER", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("“GOD”不是此处允许的值，可填：ADMIN, BUYER");
        assertThat(text("unknown value 'WEEKLY'; one of [MONTHLY, QUARTERLY]", Locale.ENGLISH))
                .isEqualTo("'WEEKLY' is not allowed here; allowed: MONTHLY, QUARTERLY");
        assertThat(text(
                        "unknown value 'role:GOD'; allowed: role:ADMIN, role:BUYER (or a user name)",
                        Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("“role:GOD”既不是用户，也不是可选的角色（role:ADMIN, role:BUYER）");
        assertThat(text("unknown user 'ghost' (a user name or role:NAME)", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("用户“ghost”不存在（请填写用户名或 role:角色）");
        assertThat(text("at least one approver (user name or role:NAME) is required", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("请至少填写一位审批人（用户名或 role:角色）");
    }

    @Test
    void every_code_has_a_text_in_both_bundles_and_an_unknown_phrasing_stays_as_it_is() {
        for (String phrase : List.of(
                "is required",
                "must not be negative",
                "must be greater than 0",
                "at least one line is required",
                "unknown warehouse 'X'",
                "unknown location 'X'",
                "unknown supplier 'X'",
                "Item with code 'X' already exists",
                "Item 'X' was changed by someone else; reload and try again",
                "is required and must not be negative",
                "is required and must be greater than zero",
                "must not be above max",
                "must not be before validFrom",
                "must be a three-letter currency code such as CNY")) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertThat(text(phrase, locale)).as(phrase + " in " + locale).isNotEqualTo(phrase);
            }
        }
        assertThat(text("Receiving more than shipped", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("Receiving more than shipped");
    }

    @Test
    void
            a_typed_value_out_of_its_set_a_transfer_received_beyond_shipped_and_bean_validation_defaults_read_in_chinese() {
        assertThat(text("unknown value 'role:GOD'; allowed: ADMIN, BUYER, WAREHOUSE", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("“role:GOD”不是此处允许的值，可填：ADMIN, BUYER, WAREHOUSE");
        assertThat(text(
                        "Receiving more than shipped: item 'BRG-1' (lot L1) shipped 10, received 4, open 6, requested 7",
                        Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("收货数量超过发货数量：物料“BRG-1”已发 10，已收 4，未收 6，本次要收 7");
        assertThat(text("must not be null", Locale.SIMPLIFIED_CHINESE)).isEqualTo("请填写此项");
        assertThat(text("at most 200 characters", Locale.SIMPLIFIED_CHINESE)).isEqualTo("最多 200 个字符");
        assertThat(text("size must be between 0 and 64", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("最多 64 个字符");
        assertThat(text("must be greater than or equal to 0.01", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("不能小于 0.01");
        assertThat(text("must match \"[A-Z]{3}\"", Locale.SIMPLIFIED_CHINESE)).isEqualTo("格式不正确");
        assertThat(text("at most 15 digits before and 4 after the decimal point", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("整数部分最多 15 位，小数部分最多 4 位");
        assertThat(text("size must be between 0 and 64", Locale.ENGLISH)).isEqualTo("at most 64 characters");
    }

    private String text(String message, Locale locale) {
        DomainMessageCodes.Coded coded = DomainMessageCodes.of(message);
        return messages.getMessage(coded.code(), coded.args(), message, locale);
    }
}
