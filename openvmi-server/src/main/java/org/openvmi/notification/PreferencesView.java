package org.openvmi.notification;

import java.util.List;
import org.openvmi.stockpolicy.AlertType;

/**
 * A user's notification preferences as in effect: {@code explicit} is false while the user has saved none and the
 * defaults of its roles apply. Empty {@code warehouses} or {@code alertTypes} mean all. {@code email} and
 * {@code language} are the user's (set by an ADMIN on the user). {@code channel}: e-mail or a group robot at
 * {@code robotUrl}; {@code robotSigned} whether a DingTalk signing secret is stored (the secret is never shown).
 */
public record PreferencesView(
        String username,
        String email,
        String language,
        EmailMode emailMode,
        List<String> warehouses,
        List<AlertType> alertTypes,
        boolean explicit,
        NotificationChannel channel,
        String robotUrl,
        boolean robotSigned) {}
