package org.openvmi.procurement.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a suggested purchase goes to another supplier or price, in the page's language: the API answers the English
 * text of {@code PurchasePlan.Line.change} ("S003 reported only 0 available", "price 2.5 → 2.7", "S003 is no longer
 * on the source list: …"); codes and numbers are kept. In a template: {@code ${@planChanges.text(l.change())}}.
 */
@Component("planChanges")
public class PlanChangeTexts {

    private record Phrase(Pattern pattern, String code) {}

    private static final List<Phrase> PHRASES = List.of(
            new Phrase(Pattern.compile("^(\\S+) reported only (\\S+) available$"), "bulk.change.short"),
            new Phrase(Pattern.compile("^price (\\S+) → (\\S+)$"), "bulk.change.price"),
            new Phrase(Pattern.compile("^(\\S+) is no longer on the source list: (.*)$"), "bulk.change.gone"));

    private final MessageSource messages;
    private final TimelineDetails timeline;

    PlanChangeTexts(MessageSource messages, TimelineDetails timeline) {
        this.messages = messages;
        this.timeline = timeline;
    }

    public String text(String change) {
        if (change == null) {
            return "";
        }
        for (Phrase phrase : PHRASES) {
            Matcher m = phrase.pattern().matcher(change);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int g = 0; g < args.length; g++) {
                    args[g] = m.group(g + 1);
                }
                if ("bulk.change.gone".equals(phrase.code())) {
                    args[1] = timeline.details("(" + args[1] + ")"); // the usual choice's reason, as on the timeline
                }
                return messages.getMessage(phrase.code(), args, change, LocaleContextHolder.getLocale());
            }
        }
        return change;
    }
}
