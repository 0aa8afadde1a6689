package org.openvmi.inventory.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Localised flash messages of the transfer, count and reservation pages (bundle i18n/stockdocs). */
@Component
class StockDocMessages {

    private final MessageSource messages;

    StockDocMessages(MessageSource messages) {
        this.messages = messages;
    }

    MessageSource source() {
        return messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
