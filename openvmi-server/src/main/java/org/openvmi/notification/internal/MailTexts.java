package org.openvmi.notification.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openvmi.notification.model.AlertNotice;
import org.openvmi.stockpolicy.AlertType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Subjects and bodies of alert mails in the recipient's language (bundle i18n/notification, zh-CN and en), with a link
 * to the alert ({@link MailLinks}) and times in the display zone ({@code openvmi.display.time-zone}, default
 * Asia/Shanghai) with the zone shown: users have no zone of their own yet, and the server's zone (often UTC in a
 * container) is nobody's.
 */
@Component
class MailTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");

    private final MessageSource messages;
    private final MailLinks links;
    private final ZoneId zone;

    MailTexts(
            MessageSource messages, MailLinks links, @Value("${openvmi.display.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.messages = messages;
        this.links = links;
        this.zone = zone;
    }

    record Mail(String subject, String body) {}

    /** e.g. "[OpenVMI] 低于安全库存: BRG-6204 @ WH-SH (12 < 20 PCS)". */
    String subject(AlertNotice n, String language) {
        return "[OpenVMI] " + headline(n, language);
    }

    /** The subject without its prefix: one line of a digest. */
    String headline(AlertNotice n, String language) {
        Locale locale = locale(language);
        String where = n.warehouse() == null ? "" : " @ " + n.warehouse();
        // the alert centre's label of the level (i18n/enums, as @enums.label('AlertType', …) shows it on pages)
        String type = msg(locale, "enum.AlertType." + n.type().name());
        if (n.resolved()) {
            String now = n.stock() == null
                    ? ""
                    : " (" + msg(locale, "notification.stockNow", qty(n.stock(), n.unit())) + ")";
            return msg(locale, "notification.resolvedPrefix") + ": " + type + ": " + n.item() + where + now;
        }
        // no stock figure for a supplier user (AlertNotice.withoutStock): the line alone, "(< 20 PCS)"
        String stock = n.stock() == null ? "" : qty(n.stock(), null) + " ";
        return type + ": " + n.item() + where + " (" + stock + compare(n.type()) + " " + qty(n.line(), n.unit()) + ")";
    }

    Mail alert(AlertNotice n, String language) {
        Locale locale = locale(language);
        StringBuilder body = new StringBuilder(headline(n, language)).append("\n\n");
        line(body, locale, "notification.field.item", n.item() + (n.itemName() == null ? "" : " " + n.itemName()));
        if (n.warehouse() != null) {
            line(body, locale, "notification.field.warehouse", n.warehouse());
        }
        if (n.stock() != null) {
            line(body, locale, "notification.field.stock", qty(n.stock(), n.unit()));
        }
        if (!n.resolved()) {
            line(body, locale, "notification.field.line", qty(n.line(), n.unit()));
        }
        line(
                body,
                locale,
                n.resolved() ? "notification.field.resolvedAt" : "notification.field.raisedAt",
                time(n.at()));
        if (n.resolved() && n.by() != null) {
            line(body, locale, "notification.field.by", n.by());
        }
        line(body, locale, "notification.field.link", links.to(alertPath(n)));
        return new Mail(subject(n, language), body.append(footer(locale)).toString());
    }

    Mail digest(List<String> lines, String language) {
        Locale locale = locale(language);
        StringBuilder body = new StringBuilder(msg(locale, "notification.digest.intro", lines.size())).append("\n\n");
        lines.forEach(l -> body.append("- ").append(l).append('\n'));
        return new Mail(
                "[OpenVMI] " + msg(locale, "notification.digest.subject", lines.size()),
                body.append(footer(locale)).toString());
    }

    /** A digest line: the time, the headline and the link to the alert. */
    String digestLine(AlertNotice n, String language) {
        return time(n.at()) + "  " + headline(n, language) + "  " + links.to(alertPath(n));
    }

    private static String alertPath(AlertNotice n) {
        return "/alerts/" + n.alertId();
    }

    private String footer(Locale locale) {
        String link = links.configured() ? "\n" + links.to("/notifications/preferences") : "";
        return "\n-- \n" + msg(locale, "notification.footer") + link + "\n";
    }

    private void line(StringBuilder body, Locale locale, String label, String value) {
        body.append(msg(locale, label)).append(": ").append(value).append('\n');
    }

    private static String compare(AlertType type) {
        return switch (type) {
            case ABOVE_MAX -> ">";
            case STOCKOUT -> "≤";
            default -> "<";
        };
    }

    private static String qty(BigDecimal q, String unit) {
        String n =
                q == null ? "?" : q.signum() == 0 ? "0" : q.stripTrailingZeros().toPlainString();
        return unit == null || unit.isBlank() ? n : n + " " + unit;
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static Locale locale(String language) {
        return Locale.forLanguageTag(language == null || language.isBlank() ? "zh-CN" : language);
    }
}
