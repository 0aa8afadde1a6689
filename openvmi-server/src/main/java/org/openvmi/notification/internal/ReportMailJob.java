package org.openvmi.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openvmi.analytics.AnalyticsFilter;
import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.notification.ReportMail;
import org.openvmi.security.UserContact;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.cluster.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a week ({@code openvmi.reports.weekly-cron}, default Monday 07:00 server time) queues the report mails each
 * subscriber chose: the KPIs of the last seven full days and the stale-stock list, in the subscriber's language. The
 * sender job sends them like any other mail. Runs once across instances: each report's week is claimed by one insert
 * (primary key) in the same transaction that queues its mails, and each mail's dedup key names report, week and user.
 */
@Component
public class ReportMailJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReportMailJob.class);
    private static final AnalyticsFilter EVERYTHING = new AnalyticsFilter(null, null, null);

    private final ReportRepository reports;
    private final MailRepository mails;
    private final ReportTexts texts;
    private final UserDirectory users;
    private final AnalyticsQueries analytics;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final JobLocks locks;

    ReportMailJob(
            ReportRepository reports,
            MailRepository mails,
            ReportTexts texts,
            UserDirectory users,
            AnalyticsQueries analytics,
            TransactionTemplate tx,
            ObjectProvider<JavaMailSender> mailSender,
            Clock clock,
            JobLocks locks) {
        this.locks = locks;
        this.reports = reports;
        this.mails = mails;
        this.texts = texts;
        this.users = users;
        this.analytics = analytics;
        this.tx = tx;
        this.mailSender = mailSender;
        this.clock = clock;
    }

    @Scheduled(cron = "${openvmi.reports.weekly-cron:0 0 7 * * MON}")
    public void scheduled() {
        locks.runOnce("notification-report-mails", Duration.ofHours(1), JobLocks.CRON_SKEW, this::run);
    }

    /** Queues this week's report mails unless an instance did before; returns how many it queued. */
    public int run() {
        if (mailSender.getIfAvailable() == null) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        int queued = 0;
        for (ReportMail report : ReportMail.values()) {
            List<ReportRepository.Subscriber> subscribers = reports.subscribers(report);
            if (subscribers.isEmpty()) {
                continue;
            }
            // the figures are read before the transaction (the analytics catch up their snapshots in their own), once
            // per warehouse the subscribers chose (the key "" stands for every warehouse)
            Map<String, Function<String, MailTexts.Mail>> compose = new HashMap<>();
            subscribers.forEach(
                    s -> compose.computeIfAbsent(key(s.warehouse()), w -> compose(report, today, s.warehouse())));
            try {
                Integer n = tx.execute(status -> queue(report, week, subscribers, compose));
                queued += n == null ? 0 : n;
            } catch (DuplicateKeyException e) {
                LOG.info("Report {} of {} taken by another instance", report, week);
            }
        }
        return queued;
    }

    private static String key(String warehouse) {
        return warehouse == null ? "" : warehouse;
    }

    private Function<String, MailTexts.Mail> compose(ReportMail report, LocalDate today, String warehouse) {
        AnalyticsFilter filter = warehouse == null ? EVERYTHING : new AnalyticsFilter(warehouse, null, null);
        Function<String, MailTexts.Mail> mail = switch (report) {
            case WEEKLY_KPIS -> {
                var kpis = analytics.kpis(filter, analytics.period(today.minusDays(7), today.minusDays(1)));
                yield language -> texts.weeklyKpis(kpis, language);
            }
            case STALE_STOCK -> {
                var stale = analytics.stale(filter, today, null);
                yield language -> texts.staleStock(stale, language);
            }
        };
        // a report of one warehouse says which in its subject
        return warehouse == null
                ? mail
                : language -> {
                    MailTexts.Mail m = mail.apply(language);
                    return new MailTexts.Mail(m.subject() + " · " + warehouse, m.body());
                };
    }

    private int queue(
            ReportMail report,
            String week,
            List<ReportRepository.Subscriber> subscribers,
            Map<String, Function<String, MailTexts.Mail>> compose) {
        if (!reports.claim(report, week, clock.instant())) {
            return 0;
        }
        int queued = 0;
        for (ReportRepository.Subscriber subscriber : subscribers) {
            String username = subscriber.username();
            UserContact contact = users.contact(username).orElse(null);
            // no address, or a supplier user (subscribing is refused to them; a role changed since): nothing to send
            if (contact == null || contact.email() == null || contact.email().isBlank() || contact.supplierUser()) {
                continue;
            }
            String language = contact.language() == null || contact.language().isBlank() ? "zh-CN" : contact.language();
            MailTexts.Mail mail = compose.get(key(subscriber.warehouse())).apply(language);
            if (mails.enqueue(
                    username,
                    contact.email(),
                    language,
                    "REPORT",
                    mail.subject(),
                    mail.body(),
                    "report:" + report + ":" + week + ":" + username,
                    clock.instant())) {
                queued++;
            }
        }
        return queued;
    }
}
