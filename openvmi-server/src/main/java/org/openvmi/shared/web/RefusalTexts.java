package org.openvmi.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The page's error message in the page's language, whichever controller set it: many put a refusal's English text in
 * {@code flashError} ({@code e.getMessage()}); the layout shows it through {@code ${@refusals.text(flashError)}},
 * which translates the phrasings {@link DomainMessageCodes} knows and leaves any other text as it is.
 */
@Component("refusals")
public class RefusalTexts {

    private final MessageSource messages;

    public RefusalTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Object message) {
        return message == null ? "" : FormErrors.describe(message.toString(), messages);
    }

    /**
     * A refusal kept with its code and arguments (a bulk outcome, ADR 0084) in the page's language; without them (an
     * outcome read back from JSON has no arguments) its text as {@link #text} reads it.
     */
    public String coded(String code, java.util.List<Object> args, String message) {
        if (code == null || args == null) {
            return text(message);
        }
        return FormErrors.describe(new org.openvmi.shared.CodedRefusal(code, message, args), messages);
    }
}
