package org.openvmi.notification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.stockpolicy.AlertType;

/** Save one's own notification preferences. Empty lists mean "all warehouses" / "all alert types". */
public class PreferencesCommand {

    @NotNull
    private EmailMode emailMode;

    @Size(max = 100)
    private List<String> warehouses = new ArrayList<>();

    private List<AlertType> alertTypes = new ArrayList<>();

    /** EMAIL (default), WECOM or DINGTALK: where the notifications go. */
    private NotificationChannel channel;

    /** The group robot's webhook address (WECOM, DINGTALK). */
    @Size(max = 254)
    private String robotUrl;

    /** DingTalk's signing secret ("加签"); blank keeps the stored one, switching to EMAIL removes it. */
    @Size(max = 200)
    private String robotSecret;

    public NotificationChannel getChannel() {
        return channel;
    }

    public void setChannel(NotificationChannel channel) {
        this.channel = channel;
    }

    public String getRobotUrl() {
        return robotUrl;
    }

    public void setRobotUrl(String robotUrl) {
        this.robotUrl = robotUrl == null || robotUrl.isBlank() ? null : robotUrl.trim();
    }

    public String getRobotSecret() {
        return robotSecret;
    }

    public void setRobotSecret(String robotSecret) {
        this.robotSecret = robotSecret == null || robotSecret.isBlank() ? null : robotSecret.trim();
    }

    public EmailMode getEmailMode() {
        return emailMode;
    }

    public void setEmailMode(EmailMode emailMode) {
        this.emailMode = emailMode;
    }

    public List<String> getWarehouses() {
        return warehouses;
    }

    public void setWarehouses(List<String> warehouses) {
        this.warehouses = warehouses == null
                ? new ArrayList<>()
                : new ArrayList<>(warehouses.stream()
                        .filter(w -> w != null && !w.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList());
    }

    public List<AlertType> getAlertTypes() {
        return alertTypes;
    }

    public void setAlertTypes(List<AlertType> alertTypes) {
        this.alertTypes = alertTypes == null
                ? new ArrayList<>()
                : new ArrayList<>(alertTypes.stream().distinct().toList());
    }
}
