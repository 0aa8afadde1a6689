package org.openvmi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.notification.NotificationProperties;
import org.openvmi.notification.model.AlertNotice;
import org.openvmi.stockpolicy.AlertType;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Mails named a stockout "断货" while the alert centre says "缺货": both now read the level's label from
 * enum.AlertType.* (i18n/enums), in the recipient's language.
 */
class MailTextsTest {

    private final MailTexts texts = new MailTexts(
            messages(),
            new MailLinks(new NotificationProperties(
                    "a@b", Duration.ofSeconds(1), 1, Duration.ofSeconds(1), "0 0 * * * *", "")),
            ZoneId.of("Asia/Shanghai"));

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages", "i18n/notification", "i18n/enums");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static AlertNotice notice(AlertType type, boolean resolved) {
        return new AlertNotice(
                7,
                resolved,
                type,
                "BRG-6204",
                "轴承",
                "PCS",
                "WH-SH",
                BigDecimal.ZERO,
                BigDecimal.TEN,
                Instant.parse("2026-12-05T08:00:00Z"),
                "t-admin",
                Set.of());
    }

    @Test
    void a_stockout_mail_uses_the_alert_centres_label_in_each_language() {
        assertThat(texts.subject(notice(AlertType.STOCKOUT, false), "zh-CN"))
                .isEqualTo("[OpenVMI] 缺货: BRG-6204 @ WH-SH (0 ≤ 10 PCS)");
        assertThat(texts.subject(notice(AlertType.STOCKOUT, false), "en"))
                .isEqualTo("[OpenVMI] Stockout: BRG-6204 @ WH-SH (0 ≤ 10 PCS)");
        assertThat(texts.alert(notice(AlertType.BELOW_SAFETY, true), "zh-CN").subject())
                .contains(": 低于安全库存: BRG-6204 @ WH-SH")
                .doesNotContain("库存低于");
    }
}
