package org.openvmi.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.notification.model.Preference;
import org.openvmi.procurement.ApprovalRequested;
import org.openvmi.procurement.OverdueSupplyView;
import org.openvmi.procurement.PurchaseOrderSent;
import org.openvmi.procurement.SupplyOverdue;
import org.openvmi.security.UserContact;
import org.openvmi.security.UserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notifications for procurement, after the deciding transaction committed: the approver of a waiting requisition step
 * (a user, or every user of a {@code role:NAME}); the users of the supplier a PO was sent to (a PO to ship); the users
 * of the supplier whose PO line or shipment is due and not yet in (to ship, late). Each by e-mail or, when the user
 * chose one, to its WeCom / DingTalk group robot (ADR 0063) — a supplier's robot only ever hears of its own POs.
 * Idempotent per step / PO / line and user, so an event handed over twice queues each message once.
 */
@Component
class ProcurementMailer {

    private final UserDirectory users;
    private final MailRepository mails;
    private final MailLinks links;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final PreferenceRepository preferences;
    private final RobotNotices robots;
    private final GroupRobotNotices groupRobots;
    private final CatalogRefs refs;

    ProcurementMailer(
            UserDirectory users,
            MailRepository mails,
            MailLinks links,
            ObjectProvider<JavaMailSender> mailSender,
            Clock clock,
            PreferenceRepository preferences,
            RobotNotices robots,
            GroupRobotNotices groupRobots,
            CatalogRefs refs) {
        this.groupRobots = groupRobots;
        this.users = users;
        this.mails = mails;
        this.links = links;
        this.mailSender = mailSender;
        this.clock = clock;
        this.preferences = preferences;
        this.robots = robots;
        this.refs = refs;
    }

    @ApplicationModuleListener
    public void on(ApprovalRequested e) {
        if (off()) {
            return;
        }
        Map<String, Preference> saved = preferences.findAll();
        for (UserContact u : users.contacts()) {
            boolean addressed = e.approver().regionMatches(true, 0, "role:", 0, 5)
                    ? u.roles().stream()
                            .anyMatch(r -> r.name()
                                    .equalsIgnoreCase(e.approver().substring(5).trim()))
                    : u.username().equals(e.approver());
            if (!addressed) {
                continue;
            }
            String[] text = approvalText(e, zh(u));
            deliver(
                    u,
                    saved.get(u.username()),
                    text[0],
                    text[1],
                    "approval:" + e.requisitionId() + ":" + e.stepNo() + ":" + e.approver() + ":" + u.username());
        }
        groupRobots.approval(
                e.warehouse(),
                "approval:" + e.requisitionId() + ":" + e.stepNo(),
                zh -> approvalText(e, zh),
                clock.instant());
    }

    private String[] approvalText(ApprovalRequested e, boolean zh) {
        String number = "PR-" + e.requisitionId();
        String subject = (e.urgent() ? (zh ? "【紧急】" : "[URGENT] ") : "")
                + (zh ? "采购申请待审批 " : "Requisition waiting for your approval: ")
                + number;
        String body = (zh
                        ? "采购申请 %s（仓库 %s，金额 %s %s）第 %d 步等待您审批：%s"
                        : "Requisition %s (warehouse %s, %s %s) waits for your decision at step %d: %s")
                .formatted(
                        number,
                        e.warehouse(),
                        e.amount().stripTrailingZeros().toPlainString(),
                        e.currency(),
                        e.stepNo(),
                        links.to("/requisitions/" + e.requisitionId()));
        return new String[] {subject, body};
    }

    @ApplicationModuleListener
    public void on(PurchaseOrderSent e) {
        if (off()) {
            return;
        }
        Map<String, Preference> saved = preferences.findAll();
        for (UserContact u : users.contacts()) {
            if (!ofSupplier(u, e.supplierId())) {
                continue;
            }
            String[] text = poSentText(e, zh(u));
            deliver(
                    u,
                    saved.get(u.username()),
                    text[0],
                    text[1],
                    "po-sent:" + e.purchaseOrderId() + ":" + u.username());
        }
        groupRobots.toShip(
                e.supplierId(), null, "po-sent:" + e.purchaseOrderId(), zh -> poSentText(e, zh), clock.instant());
    }

    private String[] poSentText(PurchaseOrderSent e, boolean zh) {
        String subject = (zh ? "新采购订单 " : "New purchase order ") + e.number();
        String body = (zh
                        ? "采购订单 %s（%s %s）请在供应商门户确认：%s"
                        : "Purchase order %s (%s %s): please confirm it in the portal: %s")
                .formatted(
                        e.number(),
                        e.total().stripTrailingZeros().toPlainString(),
                        e.currency(),
                        links.to("/purchase-orders/" + e.purchaseOrderId()));
        return new String[] {subject, body};
    }

    /** A PO line or shipment notice line of a supplier passed its due date unreceived: that supplier is told. */
    @ApplicationModuleListener
    public void on(SupplyOverdue e) {
        if (off()) {
            return;
        }
        OverdueSupplyView a = e.alert();
        Long supplierId = a.supplier() == null
                ? null
                : refs.suppliers(Set.of(a.supplier())).get(a.supplier());
        if (supplierId == null) {
            return;
        }
        Map<String, Preference> saved = preferences.findAll();
        for (UserContact u : users.contacts()) {
            if (!ofSupplier(u, supplierId)) {
                continue;
            }
            String[] text = overdueText(a, zh(u));
            deliver(u, saved.get(u.username()), text[0], text[1], "supply-overdue:" + a.id() + ":" + u.username());
        }
        groupRobots.toShip(
                supplierId, a.warehouse(), "supply-overdue:" + a.id(), zh -> overdueText(a, zh), clock.instant());
    }

    private String[] overdueText(OverdueSupplyView a, boolean zh) {
        String subject =
                (zh ? "【待发货】采购订单 %s 第 %d 行已到期" : "[To ship] PO %s line %d is due").formatted(a.poNumber(), a.poLine());
        String body = (zh
                        ? "采购订单 %s 第 %d 行，物料 %s（%s），仓库 %s，应于 %s 到货，未交数量 %s，已逾期 %d 天：%s"
                        : "PO %s line %d, item %s (%s) for warehouse %s was due on %s: %s open, %d day(s) late: %s")
                .formatted(
                        a.poNumber(),
                        a.poLine(),
                        a.item(),
                        a.itemName() == null ? "" : a.itemName(),
                        a.warehouse(),
                        a.dueOn(),
                        a.openQty().stripTrailingZeros().toPlainString(),
                        a.daysLate(),
                        links.to("/purchase-orders/" + a.purchaseOrder()));
        return new String[] {subject, body};
    }

    /** Neither mail (no SMTP host) nor any robot: nothing to queue. */
    private boolean off() {
        return mailSender.getIfAvailable() == null && !preferences.anyRobot() && !groupRobots.any();
    }

    private static boolean ofSupplier(UserContact u, long supplierId) {
        return u.supplierUser() && u.supplierId() != null && u.supplierId() == supplierId;
    }

    private static boolean zh(UserContact u) {
        return u.language() == null || u.language().startsWith("zh");
    }

    /** To the user's robot when it chose one, else by mail when mail is on and the user has an address. */
    private void deliver(UserContact u, Preference saved, String subject, String body, String key) {
        Instant now = clock.instant();
        if (robots.queue(u, saved, subject, body, "robot:" + key, now)) {
            return;
        }
        if (mailSender.getIfAvailable() == null
                || u.email() == null
                || u.email().isBlank()) {
            return;
        }
        mails.enqueue(u.username(), u.email(), zh(u) ? "zh-CN" : "en", "IMMEDIATE", subject, body, key, now);
    }
}
