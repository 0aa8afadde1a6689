package org.openvmi.notification.internal;

import java.time.Instant;
import org.openvmi.notification.model.Preference;
import org.openvmi.notification.model.RobotMessages;
import org.openvmi.security.UserContact;
import org.springframework.stereotype.Component;

/**
 * Routes a user's notification to its group robot when its preference says so (ADR 0063): queued in the outbox like a
 * mail, in the user's language, idempotent per key.
 */
@Component
class RobotNotices {

    private final MailRepository outbox;

    RobotNotices(MailRepository outbox) {
        this.outbox = outbox;
    }

    /** Whether the user's notifications go to a robot (then this one was queued there, and no mail is due). */
    boolean queue(UserContact user, Preference saved, String subject, String body, String key, Instant now) {
        if (saved == null || !saved.toRobot()) {
            return false;
        }
        outbox.enqueueRobot(
                user.username(),
                saved.channel().name(),
                saved.channel().name() + " " + RobotMessages.masked(saved.robotUrl()),
                user.language() == null ? "zh-CN" : user.language(),
                subject,
                body,
                key,
                now);
        return true;
    }
}
