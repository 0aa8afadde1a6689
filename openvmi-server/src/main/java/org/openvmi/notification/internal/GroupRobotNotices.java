package org.openvmi.notification.internal;

import java.time.Instant;
import java.util.function.Function;
import org.openvmi.notification.model.AlertNotice;
import org.openvmi.notification.model.GroupRobot;
import org.openvmi.notification.model.RobotMessages;
import org.springframework.stereotype.Component;

/**
 * Queues notices for the group robots configured apart from users (ADR 0076): each robot whose scope and choice of
 * notices match gets the message once (idempotent per robot and notice), in its language, through the same outbox
 * and sender as a user's robot (lease, retries, the documented formats, DingTalk's signing).
 */
@Component
public class GroupRobotNotices {

    private final GroupRobotRepository robots;
    private final MailRepository outbox;
    private final MailTexts texts;

    GroupRobotNotices(GroupRobotRepository robots, MailRepository outbox, MailTexts texts) {
        this.robots = robots;
        this.outbox = outbox;
        this.texts = texts;
    }

    boolean any() {
        return robots.anyEnabled();
    }

    /** Alerts of the robots' scopes and types; a supplier's robot reads them as its users do (no buyer figures). */
    void alert(AlertNotice notice, Instant now) {
        for (GroupRobot r : robots.all()) {
            if (r.hears(notice)) {
                MailTexts.Mail mail =
                        texts.alert(r.supplierRobot() ? notice.forSupplierUser() : notice, r.zh() ? "zh-CN" : "en");
                queue(r, mail.subject(), mail.body(), notice.key(), now);
            }
        }
    }

    /** A requisition step waiting at a warehouse: the buyer's robots of that warehouse (or all) that hear approvals. */
    void approval(String warehouse, String key, Function<Boolean, String[]> text, Instant now) {
        for (GroupRobot r : robots.all()) {
            if (r.hearsApproval(warehouse)) {
                String[] t = text.apply(r.zh());
                queue(r, t[0], t[1], key, now);
            }
        }
    }

    /** A PO to ship or a line due from a supplier: the robots of that supplier (or all) that hear to-ship notices. */
    void toShip(long supplierId, String warehouse, String key, Function<Boolean, String[]> text, Instant now) {
        for (GroupRobot r : robots.all()) {
            if (r.hearsToShip(supplierId, warehouse)) {
                String[] t = text.apply(r.zh());
                queue(r, t[0], t[1], key, now);
            }
        }
    }

    /** A test message, queued whatever the robot hears (it may be disabled: the test is how one checks it). */
    public void test(GroupRobot r, Instant now) {
        String subject = r.zh() ? "OpenVMI 测试消息" : "OpenVMI test message";
        String body = r.zh()
                ? "群机器人「" + r.name() + "」已接通 OpenVMI 的通知。"
                : "The group robot \"" + r.name() + "\" receives OpenVMI's notices.";
        queue(r, subject, body, "test:" + now.toEpochMilli(), now);
    }

    private void queue(GroupRobot r, String subject, String body, String key, Instant now) {
        outbox.enqueueGroupRobot(
                r.id(),
                r.channel().name(),
                r.channel().name() + " " + RobotMessages.masked(r.url()),
                r.zh() ? "zh-CN" : "en",
                subject,
                body,
                "group-robot:" + r.id() + ":" + key,
                now);
    }
}
