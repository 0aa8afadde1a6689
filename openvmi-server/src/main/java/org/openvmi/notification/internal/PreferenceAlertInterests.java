package org.openvmi.notification.internal;

import org.openvmi.stockpolicy.AlertInterest;
import org.springframework.stereotype.Component;

/**
 * The warehouses and alert types of a user's saved notification preferences, for the bell and the alert centre. The
 * e-mail mode does not matter here: a user who wants no mail still sees its alerts in the application. Without saved
 * preferences every warehouse and type concerns the user (its party scope still applies).
 */
@Component
class PreferenceAlertInterests implements AlertInterest.Source {

    private final PreferenceRepository preferences;

    PreferenceAlertInterests(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @Override
    public AlertInterest of(String username) {
        return preferences
                .find(username)
                .map(p -> new AlertInterest(p.warehouses(), p.alertTypes()))
                .orElse(AlertInterest.ALL);
    }
}
