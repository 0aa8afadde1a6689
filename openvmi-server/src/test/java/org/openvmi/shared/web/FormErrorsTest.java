package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A refusal that reached a page as English text (a flash message) reads in the page's language (issue 13). */
class FormErrorsTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void field_problems_are_named_by_line_number_or_field_label_never_by_property_path() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(FormErrors.describe("lines[0].item: unknown item 'BRG-0027,'", messages))
                .isEqualTo("第 1 行：物料“BRG-0027,”不存在");
        assertThat(FormErrors.describe(
                        "approvers: unknown value 'role:GOD'; allowed: a user name, role:FINANCE", messages))
                .isEqualTo("审批人：“role:GOD”不是此处允许的值，可填：a user name, role:FINANCE");
        assertThat(FormErrors.describe("name: must not be blank; lines[1].qty: must be greater than 0", messages))
                .isEqualTo("名称：请填写此项; 第 2 行：必须大于零");
        assertThat(FormErrors.describe("qty: at most 15 digits before and 4 after the decimal point", messages))
                .isEqualTo("数量：整数部分最多 15 位，小数部分最多 4 位");
    }

    @Test
    void a_text_already_translated_or_not_known_stays_as_it_is() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(FormErrors.describe("第 1 行：物料“X”不存在", messages)).isEqualTo("第 1 行：物料“X”不存在");
        assertThat(FormErrors.describe("User no-such-user does not exist.", messages))
                .isEqualTo("User no-such-user does not exist.");
        assertThat(FormErrors.describe((String) null, messages)).isEmpty();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        String described = "Approvers: 'role:GOD' is not allowed here; allowed: a user name, role:FINANCE";
        assertThat(FormErrors.describe(described, messages)).isEqualTo(described);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(FormErrors.describe("lines[0].item: unknown item 'X'", messages))
                .isEqualTo("Line 1: There is no item 'X'");
    }

    @Test
    void a_refusal_raised_with_a_code_is_translated_by_its_code_whatever_its_english_wording() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        RuntimeException duplicate = new org.openvmi.shared.ConflictException(
                "username",
                org.openvmi.shared.CodedRefusal.of(
                        org.openvmi.shared.CodedRefusal.DUPLICATE, "User 'li' already exists", "li"));
        assertThat(FormErrors.byField(duplicate, messages)).containsEntry("username", "“li”已存在");
        RuntimeException stale = new org.openvmi.shared.ConflictException(
                "version", org.openvmi.shared.CodedRefusal.stale("Requisition PR-7 was changed meanwhile; reload it"));
        assertThat(FormErrors.describe(stale, messages)).isEqualTo("记录已被他人修改，请刷新页面后重试");
        RuntimeException unknown = org.openvmi.shared.InvalidInputException.of(
                "lines[0].item", org.openvmi.shared.CodedRefusal.unknown("item", "BRG-9"));
        assertThat(FormErrors.describe(unknown, messages)).isEqualTo("第 1 行：物料“BRG-9”不存在");
        // range, role and gone refusals carry codes too (their English wording kept for the API)
        RuntimeException range = org.openvmi.shared.InvalidInputException.of(
                "horizonDays", org.openvmi.shared.CodedRefusal.between(1, 730, "must be between 1 and 730 days"));
        assertThat(FormErrors.byField(range, messages)).containsEntry("horizonDays", "必须介于 1 与 730 之间");
        assertThat(FormErrors.byField(
                        org.openvmi.shared.InvalidInputException.of(
                                "size", org.openvmi.shared.CodedRefusal.between(1, 2160)),
                        messages))
                .containsEntry("size", "必须介于 1 与 2160 之间");
        RuntimeException roles = org.openvmi.shared.InvalidInputException.of(
                "roles",
                org.openvmi.shared.CodedRefusal.of(
                        org.openvmi.shared.CodedRefusal.SUPPLIER_ROLES,
                        "a SUPPLIER user cannot have buyer-side roles"));
        assertThat(FormErrors.byField(roles, messages)).containsEntry("roles", "供应商用户不能同时拥有采购方角色");
        RuntimeException gone = new org.openvmi.shared.ConflictException(
                "version",
                org.openvmi.shared.CodedRefusal.of(
                        org.openvmi.shared.CodedRefusal.GONE,
                        "Stock policy X/W no longer exists; reload and enter it again",
                        "X/W"));
        assertThat(FormErrors.describe(gone, messages)).isEqualTo("X/W 已不存在，请刷新页面后重新填写");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(FormErrors.byField(range, messages)).containsEntry("horizonDays", "Must be between 1 and 730");
    }

    @Test
    void an_illegal_transition_reads_in_the_page_language_with_document_and_statuses_by_their_labels() {
        ResourceBundleMessageSource all = new ResourceBundleMessageSource();
        all.setBasenames("i18n/messages", "i18n/enums");
        all.setDefaultEncoding("UTF-8");
        all.setFallbackToSystemLocale(false);
        RuntimeException refused = org.openvmi.procurement.model.PurchaseOrderStatus.CLOSED
                .refusal(org.openvmi.procurement.model.PurchaseOrderStatus.CONFIRMED, "PO-2026-0007")
                .orElseThrow();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(FormErrors.describe(refused, all)).isEqualTo("采购订单 PO-2026-0007 当前为“已关闭”，不能变为“已确认”");
        assertThat(FormErrors.byField(refused, all)).containsEntry("status", "采购订单 PO-2026-0007 当前为“已关闭”，不能变为“已确认”");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(FormErrors.describe(refused, all))
                .isEqualTo("Purchase order PO-2026-0007 is Closed and cannot become Confirmed");
    }
}
