package org.openvmi.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.notification.internal.PreferenceRepository;
import org.openvmi.notification.model.Preference;
import org.openvmi.notification.model.RecipientRules;
import org.openvmi.security.UserContact;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.stockpolicy.AlertType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user reads and saves its own notification preferences (no one else's). */
@Service
public class NotificationPreferences {

    private final PreferenceRepository preferences;
    private final UserDirectory users;
    private final WarehouseCatalog warehouses;
    private final Clock clock;
    private final RobotProperties robots;

    NotificationPreferences(
            PreferenceRepository preferences,
            UserDirectory users,
            WarehouseCatalog warehouses,
            Clock clock,
            RobotProperties robots) {
        this.robots = robots;
        this.preferences = preferences;
        this.users = users;
        this.warehouses = warehouses;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PreferencesView mine() {
        UserContact me = me();
        return preferences
                .find(me.username())
                .map(p -> view(me, p, true))
                .orElseGet(() -> view(
                        me,
                        new Preference(RecipientRules.defaultMode(me.roles()), java.util.Set.of(), java.util.Set.of()),
                        false));
    }

    @Transactional
    public PreferencesView saveMine(PreferencesCommand c) {
        UserContact me = me();
        FieldErrors errors = new FieldErrors();
        if (c.getEmailMode() == null) {
            errors.add("emailMode", "is required: IMMEDIATE, DIGEST or OFF");
        }
        for (String code : c.getWarehouses()) {
            try {
                warehouses.get(code);
            } catch (NotFoundException e) {
                errors.add("warehouses", CodedRefusal.unknown("warehouse", code));
            }
        }
        Preference stored = preferences.find(me.username()).orElse(null);
        // a client that leaves the channel out (e.g. one written before robots existed) keeps the stored one
        boolean keepChannel = c.getChannel() == null && stored != null;
        NotificationChannel channel =
                c.getChannel() != null ? c.getChannel() : keepChannel ? stored.channel() : NotificationChannel.EMAIL;
        String robotUrl = keepChannel && c.getRobotUrl() == null ? stored.robotUrl() : c.getRobotUrl();
        String secret = null;
        if (channel.robot()) {
            robots.check(channel, robotUrl, errors);
            secret = c.getRobotSecret() != null
                    ? c.getRobotSecret()
                    : stored != null && stored.channel() == channel ? stored.robotSecret() : null;
            if (channel == NotificationChannel.WECOM) {
                secret = null; // WeCom's group robots do not sign
            }
        }
        errors.throwIfAny();
        Preference p = new Preference(
                c.getEmailMode(),
                new HashSet<>(c.getWarehouses()),
                c.getAlertTypes().isEmpty() ? EnumSet.noneOf(AlertType.class) : EnumSet.copyOf(c.getAlertTypes()),
                channel,
                channel.robot() ? robotUrl : null,
                secret);
        preferences.save(me.username(), p, clock.instant());
        return mine();
    }

    private UserContact me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new IllegalStateException("no signed-in user");
        }
        return users.contact(auth.getName()).orElseThrow(() -> new NotFoundException("User", auth.getName()));
    }

    private static PreferencesView view(UserContact me, Preference p, boolean explicit) {
        return new PreferencesView(
                me.username(),
                me.email(),
                me.language(),
                p.emailMode(),
                p.warehouses().stream().sorted().toList(),
                p.alertTypes().stream().sorted().toList(),
                explicit,
                p.channel(),
                p.robotUrl(),
                p.robotSecret() != null);
    }

    /** The alert types one may choose from. */
    public List<AlertType> alertTypes() {
        return List.of(AlertType.values());
    }
}
