package org.openvmi.procurement.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvmi.shared.web.EnumLabels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The details of a PO timeline entry as the page shows them. The timeline stores what happened in English (the API
 * answers it as it is: "from REQ-1: BRG-1 100 @ 2.95 (primary source)", "to S001 (portal)", "as ordered"); the page
 * shows the phrases the system wrote in its language and keeps codes, quantities, dates and what people typed.
 * In a template: {@code ${@poTimeline.details(e.details())}}.
 */
@Component("poTimeline")
public class TimelineDetails {

    private record Phrase(Pattern pattern, String code) {}

    /** Whole phrases, and phrases inside a longer text (the origin of an order, the reason a source was chosen). */
    private static final List<Phrase> PHRASES = List.of(
            new Phrase(Pattern.compile("^to (\\S+) \\(portal\\)$"), "proc.timeline.toPortal"),
            new Phrase(Pattern.compile("^as ordered"), "proc.timeline.asOrdered"),
            new Phrase(
                    Pattern.compile("^approval rule (.+) lets the requester approve it$"),
                    "proc.timeline.selfApproved"),
            new Phrase(Pattern.compile("^rule (.+)$"), "proc.timeline.rule"),
            new Phrase(Pattern.compile("^from ([^:]+):"), "proc.timeline.from"),
            new Phrase(Pattern.compile("^explicit order:"), "proc.timeline.explicit"),
            new Phrase(
                    Pattern.compile("\\(primary source \\(no backup has enough either\\)\\)"),
                    "proc.timeline.primaryNoBackup"),
            new Phrase(Pattern.compile("\\(primary source\\)"), "proc.timeline.primary"),
            new Phrase(Pattern.compile("\\(no primary source: cheapest\\)"), "proc.timeline.cheapest"),
            new Phrase(
                    Pattern.compile("\\(primary (\\S+) has only (\\S+) available: backup\\)"), "proc.timeline.backup"),
            new Phrase(Pattern.compile("\\(explicit\\)"), "proc.timeline.explicitLine"),
            new Phrase(Pattern.compile("\\(confirmed by the buyer\\)"), "proc.timeline.confirmedSupplier"),
            new Phrase(Pattern.compile("\\(rejected (\\S+): ([^)]*)\\)"), "proc.timeline.rejected"),
            new Phrase(Pattern.compile(" by (\\d{4}-\\d{2}-\\d{2})"), "proc.timeline.by"));

    private static final Pattern INVOICED =
            Pattern.compile("^(.+): (MATCHED|PRICE_VARIANCE|QUANTITY_VARIANCE|NOT_RECEIVED)$");

    /** The phrases whose first argument is an approval rule's name (said in the page's language where it has one). */
    private static final java.util.Set<String> RULE_PHRASES =
            java.util.Set.of("proc.timeline.rule", "proc.timeline.selfApproved");

    private final MessageSource messages;
    private final EnumLabels labels;
    private final ApprovalRuleNames ruleNames;

    TimelineDetails(MessageSource messages, EnumLabels labels, ApprovalRuleNames ruleNames) {
        this.messages = messages;
        this.labels = labels;
        this.ruleNames = ruleNames;
    }

    public String details(String details) {
        if (details == null || details.isBlank()) {
            return "";
        }
        Matcher invoiced = INVOICED.matcher(details);
        if (invoiced.matches()) {
            return invoiced.group(1) + ": " + labels.label("MatchStatus", invoiced.group(2));
        }
        String text = details;
        for (Phrase phrase : PHRASES) {
            Matcher m = phrase.pattern().matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object[] args = new Object[m.groupCount()];
                for (int g = 0; g < args.length; g++) {
                    args[g] = m.group(g + 1);
                }
                if (RULE_PHRASES.contains(phrase.code())) {
                    args[0] = ruleNames.label(m.group(1));
                }
                String replacement =
                        messages.getMessage(phrase.code(), args, m.group(), LocaleContextHolder.getLocale());
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            text = out.toString();
        }
        return text;
    }
}
