package org.openvmi.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openvmi.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued mails. A mail is claimed first (a lease on its next attempt time, so several instances never send it
 * twice at once), then sent; a failure is retried after {@code retryBase}, doubled each time, and the mail is marked
 * FAILED after {@code maxAttempts}. Nothing is lost while the SMTP server is down: the mails wait in the outbox.
 */
@Component
class MailSenderJob {

    private static final Logger log = LoggerFactory.getLogger(MailSenderJob.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MailRepository mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private final Clock clock;

    MailSenderJob(
            MailRepository mails,
            ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties,
            Clock clock) {
        this.mails = mails;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${openvmi.notifications.send-interval:10s}",
            initialDelayString = "${openvmi.notifications.send-interval:10s}")
    public void sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (MailRepository.QueuedMail mail : mails.due(clock.instant(), BATCH)) {
            if (mails.claim(mail.id(), mail.nextAttemptAt(), clock.instant().plus(LEASE))) {
                send(sender, mail);
            }
        }
    }

    private void send(JavaMailSender sender, MailRepository.QueuedMail mail) {
        try {
            sender.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
                helper.setFrom(properties.mailFrom());
                helper.setTo(mail.to());
                helper.setSubject(mail.subject());
                helper.setText(mail.body(), false);
            });
            mails.sent(mail.id(), clock.instant());
        } catch (RuntimeException e) {
            int attempt = mail.attempts() + 1;
            boolean giveUp = attempt >= properties.maxAttempts();
            Instant next = clock.instant().plus(properties.retryBase().multipliedBy(1L << Math.min(attempt - 1, 20)));
            log.warn(
                    "Mail {} to {} failed (attempt {} of {}): {}",
                    mail.id(),
                    mail.to(),
                    attempt,
                    properties.maxAttempts(),
                    e.getMessage());
            mails.failedAttempt(mail.id(), SendErrors.mail(e), truncate(e.getMessage()), next, giveUp);
        }
    }

    private static String truncate(String s) {
        if (s == null) {
            return "error";
        }
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
