package org.openvmi.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openvmi.notification.NotificationChannel;
import org.openvmi.notification.NotificationProperties;
import org.openvmi.notification.RobotProperties;
import org.openvmi.notification.model.GroupRobot;
import org.openvmi.notification.model.Preference;
import org.openvmi.notification.model.RobotMessages;
import org.openvmi.shared.NetworkErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts queued robot messages to WeCom / DingTalk group robots (ADR 0063), with the mail sender's lease and retries:
 * a message is claimed first, posted in its robot's documented format (DingTalk's signed when the robot has a
 * secret), and counts as sent only on HTTP 200 with {@code errcode} 0; anything else is tried again after
 * {@code retryBase}, doubled each time, until {@code maxAttempts}. The robot's address and secret are read from the
 * user's preference when sending, so neither is stored in the outbox.
 */
@Component
class RobotSenderJob {

    private static final Logger log = LoggerFactory.getLogger(RobotSenderJob.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MailRepository outbox;
    private final PreferenceRepository preferences;
    private final GroupRobotRepository groupRobots;
    private final NotificationProperties properties;
    private final RobotProperties robots;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    RobotSenderJob(
            MailRepository outbox,
            PreferenceRepository preferences,
            GroupRobotRepository groupRobots,
            NotificationProperties properties,
            RobotProperties robots,
            JsonMapper json,
            Clock clock) {
        this.outbox = outbox;
        this.preferences = preferences;
        this.groupRobots = groupRobots;
        this.properties = properties;
        this.robots = robots;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(robots.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            fixedDelayString = "${openvmi.notifications.send-interval:10s}",
            initialDelayString = "${openvmi.notifications.send-interval:10s}")
    public void sendDue() {
        for (MailRepository.QueuedRobotMessage m : outbox.dueRobotMessages(clock.instant(), BATCH)) {
            if (outbox.claim(m.id(), m.nextAttemptAt(), clock.instant().plus(LEASE))) {
                send(m);
            }
        }
    }

    private void send(MailRepository.QueuedRobotMessage m) {
        try {
            NotificationChannel channel = NotificationChannel.valueOf(m.channel());
            String url;
            String secret;
            if (m.robotId() != null) {
                GroupRobot robot = groupRobots.robot(m.robotId()).orElse(null);
                if (robot == null || robot.channel() != channel) {
                    // deleted or changed to the other kind meanwhile: nowhere to post this one
                    outbox.failedAttempt(
                            m.id(),
                            SendErrors.ROBOT_GONE,
                            "the group robot is gone or no longer " + channel,
                            clock.instant(),
                            true);
                    return;
                }
                url = robot.url();
                secret = robot.secret();
            } else {
                Preference p = preferences.find(m.username()).orElse(null);
                if (p == null || !p.toRobot() || p.channel() != channel) {
                    // the user chose another channel meanwhile: nowhere to post this one
                    outbox.failedAttempt(
                            m.id(),
                            SendErrors.ROBOT_NOT_CHOSEN,
                            "the user no longer has a " + channel + " robot",
                            clock.instant(),
                            true);
                    return;
                }
                url = p.robotUrl();
                secret = p.robotSecret();
            }
            String body = json.writeValueAsString(RobotMessages.payload(channel, m.subject(), m.body()));
            URI address = URI.create(RobotMessages.address(channel, url, secret, clock.millis()));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(address)
                            .timeout(robots.timeout())
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Refusal refusal = refusal(response);
            if (refusal == null) {
                outbox.sent(m.id(), clock.instant());
            } else {
                failed(m, refusal.code(), refusal.error());
            }
        } catch (IOException | RuntimeException e) {
            failed(m, NetworkErrors.category(e), NetworkErrors.detail(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(m, NetworkErrors.INTERRUPTED, "interrupted");
        }
    }

    /** What the robot said when it did not take a message: a code for the pages and the English detail. */
    private record Refusal(String code, String error) {}

    /** Null when the robot took the message: HTTP 200 and errcode 0; otherwise what it said. */
    private Refusal refusal(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return new Refusal(SendErrors.HTTP_STATUS, "HTTP " + response.statusCode());
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer.path("errcode").asInt(-1) == 0) {
                return null;
            }
            return new Refusal(
                    SendErrors.ROBOT_REFUSED,
                    "errcode " + answer.path("errcode").asString() + ": "
                            + answer.path("errmsg").asString());
        } catch (RuntimeException e) {
            return new Refusal(SendErrors.UNREADABLE_ANSWER, "unreadable answer: " + truncate(response.body(), 200));
        }
    }

    private void failed(MailRepository.QueuedRobotMessage m, String code, String error) {
        int attempt = m.attempts() + 1;
        boolean giveUp = attempt >= properties.maxAttempts();
        Instant next = clock.instant().plus(properties.retryBase().multipliedBy(1L << Math.min(attempt - 1, 20)));
        log.warn(
                "Robot message {} for {} failed (attempt {} of {}): {}",
                m.id(),
                m.username(),
                attempt,
                properties.maxAttempts(),
                error);
        outbox.failedAttempt(m.id(), code, truncate(error, 1000), next, giveUp);
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "error";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
