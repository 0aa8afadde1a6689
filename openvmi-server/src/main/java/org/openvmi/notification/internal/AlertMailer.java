package org.openvmi.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.openvmi.notification.EmailMode;
import org.openvmi.notification.model.AlertNotice;
import org.openvmi.notification.model.Preference;
import org.openvmi.notification.model.RecipientRules;
import org.openvmi.security.UserContact;
import org.openvmi.security.UserDirectory;
import org.openvmi.stockpolicy.AlertRaised;
import org.openvmi.stockpolicy.AlertResolved;
import org.openvmi.stockpolicy.AlertsChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns each alert raised or resolved into mails: one per recipient who gets it immediately, a digest line for those
 * who get digests. Runs after the alert's transaction committed, in its own transaction, from the event publication
 * registry: if the process dies first, the event is handed over again on restart. Queuing is idempotent (keys per
 * alert and user), so an event handled twice queues each mail once.
 */
@Component
class AlertMailer {

    private final UserDirectory users;
    private final PreferenceRepository preferences;
    private final NoticeRepository notices;
    private final MailRepository mails;
    private final MailTexts texts;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final RobotNotices robots;
    private final GroupRobotNotices groupRobots;

    AlertMailer(
            UserDirectory users,
            PreferenceRepository preferences,
            NoticeRepository notices,
            MailRepository mails,
            MailTexts texts,
            ObjectProvider<JavaMailSender> mailSender,
            Clock clock,
            RobotNotices robots,
            GroupRobotNotices groupRobots) {
        this.robots = robots;
        this.groupRobots = groupRobots;
        this.users = users;
        this.preferences = preferences;
        this.notices = notices;
        this.mails = mails;
        this.texts = texts;
        this.mailSender = mailSender;
        this.clock = clock;
    }

    /** One batch of alerts (one judgement): recipients and preferences are read once for all of them. */
    @ApplicationModuleListener
    public void on(AlertsChanged changed) {
        if (mailSender.getIfAvailable() == null && !preferences.anyRobot() && !groupRobots.any()) {
            // mail is off (no SMTP host) and no one has a robot: nothing to queue now or when these resolve
            return;
        }
        Recipients recipients = null;
        for (AlertRaised e : changed.raised()) {
            AlertNotice notice = new AlertNotice(
                    e.alertId(),
                    false,
                    e.type(),
                    e.item(),
                    e.itemName(),
                    e.unit(),
                    e.warehouse(),
                    e.stock(),
                    e.line(),
                    e.raisedAt(),
                    null,
                    e.supplierIds() == null ? java.util.Set.of() : new HashSet<>(e.supplierIds()));
            notices.remember(notice);
            recipients = queue(notice, recipients);
        }
        for (AlertResolved e : changed.resolved()) {
            var raised = notices.find(e.alertId());
            AlertNotice notice = new AlertNotice(
                    e.alertId(),
                    true,
                    e.type(),
                    e.item(),
                    raised.map(NoticeRepository.Raised::itemName).orElse(null),
                    raised.map(NoticeRepository.Raised::unit).orElse(null),
                    e.warehouse(),
                    e.stock(),
                    null,
                    e.resolvedAt(),
                    e.by(),
                    raised.map(NoticeRepository.Raised::supplierIds).orElse(java.util.Set.of()));
            recipients = queue(notice, recipients);
        }
    }

    private record Recipients(Map<String, Preference> saved, List<UserContact> contacts) {}

    private Recipients queue(AlertNotice notice, Recipients known) {
        boolean mailOn = mailSender.getIfAvailable() != null;
        Recipients r = known != null ? known : new Recipients(preferences.findAll(), users.contacts());
        Map<String, Preference> saved = r.saved();
        Instant now = clock.instant();
        List<UserContact> contacts = r.contacts();
        for (UserContact user : contacts) {
            Preference preference = saved.get(user.username());
            EmailMode mode = RecipientRules.modeFor(user, preference, notice);
            AlertNotice told = user.supplierUser() ? notice.forSupplierUser() : notice;
            String key = notice.key() + ":" + user.username();
            if (mode != EmailMode.OFF && preference != null && preference.toRobot()) {
                // a group robot gets each alert as it comes (no digest in a chat)
                MailTexts.Mail mail = texts.alert(told, user.language());
                robots.queue(user, preference, mail.subject(), mail.body(), "robot:" + key, now);
            } else if (!mailOn) {
                continue; // mail is off: no SMTP host configured
            } else if (mode == EmailMode.IMMEDIATE) {
                MailTexts.Mail mail = texts.alert(told, user.language());
                mails.enqueue(
                        user.username(),
                        user.email(),
                        user.language(),
                        "IMMEDIATE",
                        mail.subject(),
                        mail.body(),
                        key,
                        now);
            } else if (mode == EmailMode.DIGEST) {
                mails.addDigestEntry(user.username(), key, texts.digestLine(told, user.language()), now);
            }
        }
        groupRobots.alert(notice, now);
        return r;
    }
}
