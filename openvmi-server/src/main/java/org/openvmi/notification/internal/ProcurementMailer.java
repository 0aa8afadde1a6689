package org.openvmi.notification.internal;

import java.time.Clock;
import org.openvmi.procurement.ApprovalRequested;
import org.openvmi.procurement.PurchaseOrderSent;
import org.openvmi.security.UserContact;
import org.openvmi.security.UserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails for procurement, after the deciding transaction committed: the approver of a waiting requisition step (a user,
 * or every user of a {@code role:NAME}) and the users of the supplier a PO was sent to. Idempotent per step / PO and
 * user, so an event handed over twice queues each mail once.
 */
@Component
class ProcurementMailer {

    private final UserDirectory users;
    private final MailRepository mails;
    private final MailLinks links;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;

    ProcurementMailer(
            UserDirectory users,
            MailRepository mails,
            MailLinks links,
            ObjectProvider<JavaMailSender> mailSender,
            Clock clock) {
        this.users = users;
        this.mails = mails;
        this.links = links;
        this.mailSender = mailSender;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(ApprovalRequested e) {
        if (mailSender.getIfAvailable() == null) {
            return;
        }
        for (UserContact u : users.contacts()) {
            boolean addressed = e.approver().regionMatches(true, 0, "role:", 0, 5)
                    ? u.roles().stream()
                            .anyMatch(r -> r.name()
                                    .equalsIgnoreCase(e.approver().substring(5).trim()))
                    : u.username().equals(e.approver());
            if (!addressed || u.email() == null || u.email().isBlank()) {
                continue;
            }
            boolean zh = u.language() == null || u.language().startsWith("zh");
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
            mails.enqueue(
                    u.username(),
                    u.email(),
                    zh ? "zh-CN" : "en",
                    "IMMEDIATE",
                    subject,
                    body,
                    "approval:" + e.requisitionId() + ":" + e.stepNo() + ":" + e.approver() + ":" + u.username(),
                    clock.instant());
        }
    }

    @ApplicationModuleListener
    public void on(PurchaseOrderSent e) {
        if (mailSender.getIfAvailable() == null) {
            return;
        }
        for (UserContact u : users.contacts()) {
            if (!u.supplierUser()
                    || u.supplierId() == null
                    || u.supplierId() != e.supplierId()
                    || u.email() == null
                    || u.email().isBlank()) {
                continue;
            }
            boolean zh = u.language() == null || u.language().startsWith("zh");
            String subject = (zh ? "新采购订单 " : "New purchase order ") + e.number();
            String body = (zh
                            ? "采购订单 %s（%s %s）请在供应商门户确认：%s"
                            : "Purchase order %s (%s %s): please confirm it in the portal: %s")
                    .formatted(
                            e.number(),
                            e.total().stripTrailingZeros().toPlainString(),
                            e.currency(),
                            links.to("/purchase-orders/" + e.purchaseOrderId()));
            mails.enqueue(
                    u.username(),
                    u.email(),
                    zh ? "zh-CN" : "en",
                    "IMMEDIATE",
                    subject,
                    body,
                    "po-sent:" + e.purchaseOrderId() + ":" + u.username(),
                    clock.instant());
        }
    }
}
