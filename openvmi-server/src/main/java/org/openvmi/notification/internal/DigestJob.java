package org.openvmi.notification.internal;

import java.time.Duration;
import java.util.List;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.cluster.JobLocks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once per digest period ({@code openvmi.notifications.digest-cron}, hourly by default) gathers each DIGEST user's
 * waiting lines into one mail in the outbox; the sender job sends it like any other.
 */
@Component
public class DigestJob {

    private final MailRepository mails;
    private final MailTexts texts;
    private final UserDirectory users;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final java.time.Clock clock;
    private final JobLocks locks;

    DigestJob(
            MailRepository mails,
            MailTexts texts,
            UserDirectory users,
            TransactionTemplate tx,
            ObjectProvider<JavaMailSender> mailSender,
            java.time.Clock clock,
            JobLocks locks) {
        this.locks = locks;
        this.mails = mails;
        this.texts = texts;
        this.users = users;
        this.tx = tx;
        this.mailSender = mailSender;
        this.clock = clock;
    }

    /** The digest firing, on one instance (ADR 0064). */
    @Scheduled(cron = "${openvmi.notifications.digest-cron:0 0 * * * *}")
    void scheduled() {
        locks.runOnce("notification-digests", Duration.ofMinutes(30), JobLocks.CRON_SKEW, this::runDigests);
    }

    /** Queues one digest mail per user with waiting lines; returns how many it queued. */
    public int runDigests() {
        if (mailSender.getIfAvailable() == null) {
            return 0;
        }
        int queued = 0;
        for (String username : mails.usersWithDigestEntries()) {
            Boolean done = tx.execute(status -> digest(username));
            queued += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return queued;
    }

    private boolean digest(String username) {
        List<MailRepository.DigestEntry> entries = mails.lockDigestEntries(username);
        if (entries.isEmpty()) {
            return false;
        }
        var contact = users.contact(username).filter(c -> c.email() != null);
        if (contact.isEmpty()) {
            return false; // the lines wait until the user has an address again
        }
        MailTexts.Mail mail = texts.digest(
                entries.stream().map(MailRepository.DigestEntry::line).toList(),
                contact.get().language());
        long id = mails.insertDigest(
                username,
                contact.get().email(),
                contact.get().language(),
                mail.subject(),
                mail.body(),
                "digest:" + username + ":" + entries.get(0).id(),
                clock.instant());
        mails.attach(entries.stream().map(MailRepository.DigestEntry::id).toList(), id);
        return true;
    }
}
