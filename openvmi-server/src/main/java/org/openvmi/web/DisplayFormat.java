package org.openvmi.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openvmi.catalog.UnitsOfMeasure;
import org.openvmi.shared.web.MoneyText;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How every page shows numbers and time, as {@code ${@fmt...}} in the templates: quantities with their unit's decimals,
 * money with its currency symbol and two decimals, thousands separators of the page's language, and times in the
 * user's own zone ({@link UserTimeZone}; else the configured one) with the zone written beside them. The language is
 * the request's ({@link LocaleContextHolder}).
 * Null prints as an empty string, so a template needs no null check.
 */
@Component("fmt")
public class DisplayFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final UnitsOfMeasure units;
    private final DisplayProperties properties;
    private final MessageSource messages;
    private final Clock clock;
    private final UserTimeZone zones;

    DisplayFormat(
            UnitsOfMeasure units,
            DisplayProperties properties,
            MessageSource messages,
            Clock clock,
            UserTimeZone zones) {
        this.units = units;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
        this.zones = zones;
    }

    /** A quantity rounded to its unit's decimals (PCS 1,433; KG 1,432.800); an unknown unit: up to 3 decimals. */
    public String qty(BigDecimal quantity, String uom) {
        if (quantity == null) {
            return "";
        }
        var known = units.decimals(uom);
        return known.isPresent()
                ? decimal(quantity, known.getAsInt(), known.getAsInt())
                : decimal(quantity, 0, UnitsOfMeasure.UNKNOWN_DECIMALS);
    }

    /** A quantity whose unit the page does not know: up to 3 decimals, grouped. */
    public String qty(BigDecimal quantity) {
        return qty(quantity, null);
    }

    /** A quantity and its unit: "1,433 PCS". */
    public String qtyUnit(BigDecimal quantity, String uom) {
        return quantity == null ? "" : uom == null || uom.isBlank() ? qty(quantity) : qty(quantity, uom) + " " + uom;
    }

    /** A plain number with exactly {@code decimals} decimals, grouped ("days of cover" 16,806.7). */
    public String number(Number value, int decimals) {
        return value == null ? "" : decimal(toBigDecimal(value), decimals, decimals);
    }

    /** A number of days (cover, lead time): one decimal under 10, whole above, and "> 365" beyond a year. */
    public String days(Number days) {
        if (days == null) {
            return "";
        }
        BigDecimal d = toBigDecimal(days);
        return d.compareTo(BigDecimal.valueOf(365)) > 0 ? "> 365" : oneDecimalUnderTen(d);
    }

    /** A number of hours (late, out of stock): one decimal under 10, whole above; 123.00 reads "123", 2.50 "2.5". */
    public String hours(Number hours) {
        if (hours == null) {
            return "";
        }
        return oneDecimalUnderTen(toBigDecimal(hours));
    }

    private String oneDecimalUnderTen(BigDecimal n) {
        return n.abs().compareTo(BigDecimal.TEN) < 0 ? decimal(n, 0, 1) : decimal(n, 0, 0);
    }

    /** Money with the currency's symbol (¥ for CNY) and two decimals: ¥16,806.70; a null currency: the default one. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String code = currency == null || currency.isBlank() ? properties.currency() : currency.trim();
        return MoneyText.format(amount, code, LocaleContextHolder.getLocale());
    }

    /** Money in the default currency ({@code openvmi.display.currency}). */
    public String money(BigDecimal amount) {
        return money(amount, null);
    }

    /** A ratio as a percentage with at most one decimal: 0.953 → 95.3%. */
    public String pct(Number ratio) {
        return ratio == null ? "" : decimal(toBigDecimal(ratio).movePointRight(2), 0, 1) + "%";
    }

    /** A point in time in the user's zone (else the configured one), with the zone: 2026-12-05 21:58 GMT+8. */
    public String dateTime(Instant at) {
        if (at == null) {
            return "";
        }
        ZoneId zone = zones.current();
        return DATE_TIME.format(at.atZone(zone)) + " " + zoneLabel(zone, at);
    }

    /** The same to the second, for logs where order within a minute matters: 2026-12-05 21:58:07 GMT+8. */
    public String dateTimeSeconds(Instant at) {
        if (at == null) {
            return "";
        }
        ZoneId zone = zones.current();
        return DATE_TIME_SECONDS.format(at.atZone(zone)) + " " + zoneLabel(zone, at);
    }

    /** The calendar day of a point in time in the display zone. */
    public String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zones.current()));
    }

    /** A calendar day (already a local date: no zone to show). */
    public String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** The zone times are shown in, for a column heading: GMT+8. */
    public String zone() {
        return zoneLabel(zones.current(), clock.instant());
    }

    /** How long ago: "just now" under a minute, then minutes, hours, days (a time in the future reads "just now"). */
    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        Duration d = Duration.between(at, clock.instant());
        Locale locale = LocaleContextHolder.getLocale();
        if (d.toMinutes() < 1) {
            return messages.getMessage("fmt.ago.now", null, locale);
        }
        if (d.toHours() < 1) {
            return messages.getMessage("fmt.ago.minutes", new Object[] {d.toMinutes()}, locale);
        }
        if (d.toDays() < 1) {
            return messages.getMessage("fmt.ago.hours", new Object[] {d.toHours()}, locale);
        }
        return messages.getMessage("fmt.ago.days", new Object[] {d.toDays()}, locale);
    }

    /** An age counted in whole hours: 0 reads "just now" (not "0 hours ago"), 48 and more read in days. */
    public String hoursAgo(Number hours) {
        if (hours == null) {
            return "";
        }
        long h = Math.max(0, hours.longValue());
        Locale locale = LocaleContextHolder.getLocale();
        return h == 0
                ? messages.getMessage("fmt.ago.now", null, locale)
                : h < 48
                        ? messages.getMessage("fmt.ago.hours", new Object[] {h}, locale)
                        : messages.getMessage("fmt.ago.days", new Object[] {h / 24}, locale);
    }

    private static String zoneLabel(ZoneId zone, Instant at) {
        return DateTimeFormatter.ofPattern("O", Locale.ROOT).format(at.atZone(zone));
    }

    private static String decimal(BigDecimal value, int minDecimals, int maxDecimals) {
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value.setScale(maxDecimals, RoundingMode.HALF_UP));
    }

    private static BigDecimal toBigDecimal(Number value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
