package org.openvmi.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notifications. Mail is on only when an SMTP host is configured ({@code spring.mail.host}); without one no
 * mail is queued at all.
 *
 * @param mailFrom     the sender address of every mail
 * @param sendInterval how often the sender looks for queued mails
 * @param maxAttempts  tries before a mail is marked FAILED
 * @param retryBase    wait before the 2nd try; doubled for each further one
 * @param digestCron   when digests are sent (Spring cron, default hourly on the hour); see application.yml
 * @param baseUrl      the address of the UI, for links in mails (empty: no link)
 */
@ConfigurationProperties("openvmi.notifications")
public record NotificationProperties(
        @DefaultValue("openvmi@localhost") String mailFrom,
        @DefaultValue("10s") Duration sendInterval,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration retryBase,
        @DefaultValue("0 0 * * * *") String digestCron,
        @DefaultValue("") String baseUrl) {}
