package org.openvmi.rules.model;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills "{name}" placeholders of an action's message with the subject's values; unknown names stay as written. */
public final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    private MessageTemplate() {}

    public static String render(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
