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
