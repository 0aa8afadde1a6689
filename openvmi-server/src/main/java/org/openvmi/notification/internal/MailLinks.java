package org.openvmi.notification.internal;

import org.openvmi.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * Links in mails to the page a mail is about: {@code openvmi.notifications.base-url} + the page's path
 * ({@code https://vmi.example.com/alerts/42}); the path alone while no base URL is configured.
 */
@Component
class MailLinks {

    private final String baseUrl;

    MailLinks(NotificationProperties properties) {
        this.baseUrl =
                properties.baseUrl() == null ? "" : properties.baseUrl().trim().replaceAll("/+$", "");
    }

    boolean configured() {
        return !baseUrl.isEmpty();
    }

    /** {@code path} starts with a slash. */
    String to(String path) {
        return baseUrl + path;
    }
}
