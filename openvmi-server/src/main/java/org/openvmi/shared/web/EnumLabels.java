package org.openvmi.shared.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way a page shows an enum, status, reason or kind: by its label in the page's language, from the key
 * {@code enum.<Type>.<VALUE>} in {@code i18n/enums*.properties}. {@code Type} is the Java enum's simple name, or for a
 * value the code keeps as a string (a PO status, an audit action) the name its feature gives that set of values.
 * In a template: {@code ${@enums.label('PurchaseOrderStatus', po.status())}}. Codes (item codes, document numbers) are
 * not labels and are shown as they are. {@code EnumLabelsTest} checks that every value of every displayed enum has
 * a label in both bundles; a value without one shows its code, which {@code ZhPagesBrowserIT} catches.
 */
@Component("enums")
public class EnumLabels {

    static final String PREFIX = "enum.";
    private static final String ROLE_PREFIX = "role:";
    private static final String RULE_PREFIX = "rule:";

    private final MessageSource messages;

    public EnumLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The message key of a value: {@code enum.<type>.<value>}. */
    public static String key(String type, Object value) {
        return PREFIX + type + "." + (value instanceof Enum<?> e ? e.name() : String.valueOf(value));
    }

    /** The label of the value in the current request's language; empty for null, the code itself when unlabelled. */
    public String label(String type, Object value) {
        return label(type, value, LocaleContextHolder.getLocale());
    }

    public String label(String type, Object value, Locale locale) {
        if (value == null || value.toString().isEmpty()) {
            return "";
        }
        String code = value instanceof Enum<?> e ? e.name() : value.toString();
        return messages.getMessage(key(type, code), null, code, locale);
    }

    /** The owner of stock: own stock by its label ("自有库存"), a supplier (consignment) by its code. */
    public String owner(String owner) {
        return "OWN".equals(owner) ? label("Owner", owner) : owner == null ? "" : owner;
    }

    /** The user names the application gives its own work: "system" (scheduled jobs, automatic changes), "scheduler". */
    public static final java.util.Set<String> SYSTEM_ACTORS = java.util.Set.of("system", "scheduler", "replan");

    /**
     * Who did something or whom a step or rule names: a user name as it is; the names the application gives its own
     * work ({@link #SYSTEM_ACTORS}) in the page's language, "system" → "系统" (ADR 0078); a role (approval rules write
     * {@code role:BUYER} for any user with that role) by its label, e.g. "采购（任一用户）"; a rule that acted
     * ({@code rule:12}, written by the rules engine's actions) as "规则 #12".
     */
    public String person(String who) {
        if (who != null && SYSTEM_ACTORS.contains(who)) {
            return messages.getMessage("actor." + who, null, who, LocaleContextHolder.getLocale());
        }
        if (who != null && who.startsWith(RULE_PREFIX)) {
            return messages.getMessage(
                    "actor.rule",
                    new Object[] {who.substring(RULE_PREFIX.length())},
                    who,
                    LocaleContextHolder.getLocale());
        }
        if (who == null || !who.regionMatches(true, 0, ROLE_PREFIX, 0, ROLE_PREFIX.length())) {
            return who == null ? "" : who;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String role = who.substring(ROLE_PREFIX.length()).trim().toUpperCase(Locale.ROOT);
        return messages.getMessage("person.role", new Object[] {label("Role", role, locale)}, who, locale);
    }
}
