package org.openvmi.notification.model;

import java.util.Set;
import org.openvmi.notification.EmailMode;
import org.openvmi.notification.NotificationChannel;
import org.openvmi.stockpolicy.AlertType;

/**
 * A user's saved choice: mode and the warehouses and alert types it cares about (empty = all), and the channel its
 * notifications go to: e-mail, or a WeCom / DingTalk group robot at {@code robotUrl} ({@code robotSecret}: DingTalk's
 * signing secret, null when the robot does not sign).
 */
public record Preference(
        EmailMode emailMode,
        Set<String> warehouses,
        Set<AlertType> alertTypes,
        NotificationChannel channel,
        String robotUrl,
        String robotSecret) {

    public Preference {
        warehouses = Set.copyOf(warehouses);
        alertTypes = alertTypes.isEmpty() ? Set.of() : Set.copyOf(alertTypes);
        channel = channel == null ? NotificationChannel.EMAIL : channel;
    }

    /** An e-mail preference. */
    public Preference(EmailMode emailMode, Set<String> warehouses, Set<AlertType> alertTypes) {
        this(emailMode, warehouses, alertTypes, NotificationChannel.EMAIL, null, null);
    }

    /** Whether this user's notifications go to a group robot instead of its mailbox. */
    public boolean toRobot() {
        return channel.robot() && robotUrl != null && !robotUrl.isBlank();
    }
}
