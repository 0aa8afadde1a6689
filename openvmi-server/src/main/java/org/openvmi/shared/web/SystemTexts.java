package org.openvmi.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A text the system wrote, stored as a code (with arguments) besides its English text, in the page's language: the
 * message {@code prefix + code} with {@code args}; the stored text as it is when there is no code (a row older than
 * its code that did not map) or no message for it (ADR 0084). In a template:
 * {@code ${@systemTexts.text('planning.runs.errorCode.', run.errorCode(), run.error())}}.
 */
@Component("systemTexts")
public class SystemTexts {

    private final MessageSource messages;

    public SystemTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String prefix, String code, String fallback, Object... args) {
        if (code == null || code.isBlank()) {
            return fallback == null ? "" : fallback;
        }
        return messages.getMessage(
                prefix + code, args, fallback == null ? code : fallback, LocaleContextHolder.getLocale());
    }

    /** Whether {@code code} has a message: the page then shows the stored English only as a detail. */
    public boolean known(String prefix, String code) {
        return code != null
                && !code.isBlank()
                && messages.getMessage(prefix + code, null, null, LocaleContextHolder.getLocale()) != null;
    }
}
