package org.openvmi.notification;

import org.openvmi.notification.internal.MailRepository;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mails queued, sent and failed, newest first (ADMIN, enforced by the HTTP rules). */
@Service
public class MailLog {

    private final MailRepository mails;

    MailLog(MailRepository mails) {
        this.mails = mails;
    }

    @Transactional(readOnly = true)
    public PageResult<MailView> find(String status, PageRequest page) {
        String s = AllowedValues.code("status", status, java.util.List.of("PENDING", "SENT", "FAILED"));
        return new PageResult<>(mails.findPage(s, page), page.page(), page.size(), mails.count(s));
    }
}
