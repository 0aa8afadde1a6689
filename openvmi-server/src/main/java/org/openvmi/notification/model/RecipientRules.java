package org.openvmi.notification.model;

import java.util.EnumSet;
import java.util.Set;
import org.openvmi.notification.EmailMode;
import org.openvmi.security.Role;
import org.openvmi.security.UserContact;

/**
 * Who gets an alert by e-mail, and how. A reason-free rule set, small enough to read in one go:
 * <ol>
 *   <li>no e-mail address, no mail (unless the user's notifications go to a group robot);</li>
 *   <li>a SUPPLIER user only hears of alerts that concern its own supplier;</li>
 *   <li>without saved preferences, buyer-side users with an operational role (ADMIN, BUYER, PLANNER, WAREHOUSE) and
 *       supplier users get each alert immediately; VIEWER and FINANCE get nothing unless they opt in;</li>
 *   <li>saved preferences decide the mode and filter by warehouse (an alert about no warehouse, a supplier's
 *       low-water alert, passes a warehouse filter) and by alert type.</li>
 * </ol>
 */
public final class RecipientRules {

    /** Buyer-side roles that get alerts by default. */
    public static final Set<Role> NOTIFIED_BY_DEFAULT =
            EnumSet.of(Role.ADMIN, Role.BUYER, Role.PLANNER, Role.WAREHOUSE);

    private RecipientRules() {}

    /** The mode in effect for a user without a saved preference. */
    public static EmailMode defaultMode(Set<Role> roles) {
        if (roles.contains(Role.SUPPLIER)) {
            return EmailMode.IMMEDIATE;
        }
        return roles.stream().anyMatch(NOTIFIED_BY_DEFAULT::contains) ? EmailMode.IMMEDIATE : EmailMode.OFF;
    }

    /** How this user gets this alert: OFF when not at all. {@code saved} is null without saved preferences. */
    public static EmailMode modeFor(UserContact user, Preference saved, AlertNotice alert) {
        boolean robot = saved != null && saved.toRobot();
        if (!robot && (user.email() == null || user.email().isBlank())) {
            return EmailMode.OFF;
        }
        if (user.supplierUser()
                && (user.supplierId() == null || !alert.supplierIds().contains(user.supplierId()))) {
            return EmailMode.OFF;
        }
        if (saved == null) {
            return defaultMode(user.roles());
        }
        if (!saved.warehouses().isEmpty()
                && alert.warehouse() != null
                && !saved.warehouses().contains(alert.warehouse())) {
            return EmailMode.OFF;
        }
        if (!saved.alertTypes().isEmpty() && !saved.alertTypes().contains(alert.type())) {
            return EmailMode.OFF;
        }
        return saved.emailMode();
    }
}
