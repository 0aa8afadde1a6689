package org.openvmi.notification.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.openvmi.analytics.KpiReport;
import org.openvmi.analytics.KpiValue;
import org.openvmi.analytics.StaleReport;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report mails in the recipient's language: the weekly KPI summary (each KPI with the previous period and the
 * trend, labelled as on the management dashboard) and the stale-stock list, each with a link to its page.
 */
@Component
class ReportTexts {

    /** A mail lists at most this many stale lines (the most valuable); the page and the API have them all. */
    static final int MAX_STALE_LINES = 100;

    private final MessageSource messages;
    private final MailLinks links;

    ReportTexts(MessageSource messages, MailLinks links) {
        this.messages = messages;
        this.links = links;
    }

    MailTexts.Mail weeklyKpis(KpiReport r, String language) {
        Locale locale = MailTexts.locale(language);
        StringBuilder body = new StringBuilder(
                        msg(locale, "report.kpis.intro", r.from(), r.to(), r.previousFrom(), r.previousTo()))
                .append("\n\n");
        for (KpiValue k : r.kpis()) {
            String trend = k.trend() == null ? "" : ", " + signedPct(k.trend(), locale);
            body.append(msg(locale, "analytics.kpi." + k.code()))
                    .append(": ")
                    .append(value(k.value(), k.unit(), locale))
                    .append(" (")
                    .append(msg(locale, "report.kpis.previous", value(k.previous(), k.unit(), locale)))
                    .append(trend)
                    .append(")\n");
        }
        return mail(locale, msg(locale, "report.kpis.subject", r.from(), r.to()), body, "/dashboards/management");
    }

    MailTexts.Mail staleStock(StaleReport r, String language) {
        Locale locale = MailTexts.locale(language);
        StringBuilder body = new StringBuilder(msg(
                        locale,
                        "report.stale.intro",
                        r.asOf(),
                        r.days(),
                        r.lines().size(),
                        money(r.totalValue(), locale)))
                .append("\n\n");
        r.lines().stream()
                .limit(MAX_STALE_LINES)
                .forEach(l -> body.append("- ")
                        .append(msg(
                                locale,
                                "report.stale.line",
                                l.item(),
                                l.warehouse(),
                                owner(l.owner(), locale),
                                number(l.qty(), locale),
                                money(l.value(), locale),
                                l.lastIssue() == null
                                        ? msg(locale, "report.stale.neverIssued")
                                        : l.lastIssue().toString()))
                        .append('\n'));
        if (r.lines().size() > MAX_STALE_LINES) {
            body.append(msg(locale, "report.stale.more", r.lines().size() - MAX_STALE_LINES))
                    .append('\n');
        }
        if (r.lines().isEmpty()) {
            body.append(msg(locale, "report.stale.none")).append('\n');
        }
        return mail(
                locale, msg(locale, "report.stale.subject", r.asOf(), r.lines().size()), body, "/dashboards/warehouse");
    }

    private MailTexts.Mail mail(Locale locale, String subject, StringBuilder body, String page) {
        if (links.configured()) {
            body.append('\n')
                    .append(msg(locale, "notification.field.link"))
                    .append(": ")
                    .append(links.to(page))
                    .append('\n');
        }
        body.append("\n-- \n").append(msg(locale, "report.footer"));
        if (links.configured()) {
            body.append('\n').append(links.to("/notifications/preferences"));
        }
        return new MailTexts.Mail("[OpenVMI] " + subject, body.append('\n').toString());
    }

    private String value(BigDecimal v, String unit, Locale locale) {
        if (v == null) {
            return "–";
        }
        return switch (unit) {
            case "CNY" -> money(v, locale);
            case "ratio" -> pct(v, locale);
            case "days" -> decimals(v, 1, locale) + " " + msg(locale, "report.unit.days");
            case "lines", "count" -> decimals(v, 0, locale);
            default -> decimals(v, 2, locale);
        };
    }

    private String money(BigDecimal v, Locale locale) {
        return decimals(v, 2, locale) + " " + msg(locale, "report.unit.CNY");
    }

    private static String pct(BigDecimal ratio, Locale locale) {
        return decimals(ratio.movePointRight(2), 1, locale) + "%";
    }

    private static String signedPct(BigDecimal ratio, Locale locale) {
        return (ratio.signum() > 0 ? "+" : "") + pct(ratio, locale);
    }

    private static String number(BigDecimal v, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(4);
        return f.format(v);
    }

    private static String decimals(BigDecimal v, int scale, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        return f.format(v.setScale(scale, RoundingMode.HALF_UP));
    }

    private String owner(String owner, Locale locale) {
        return "OWN".equals(owner) ? msg(locale, "enum.Owner.OWN") : owner;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
