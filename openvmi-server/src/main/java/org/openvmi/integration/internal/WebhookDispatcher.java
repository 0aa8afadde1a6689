package org.openvmi.integration.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.openvmi.integration.WebhookProperties;
import org.openvmi.integration.model.Backoff;
import org.openvmi.integration.model.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * POSTs due deliveries, signed (see {@link WebhookSignature}), with the JDK HttpClient and its timeouts. A 2xx
 * answer delivers; anything else (another status, a timeout, a refused connection) is retried with exponential
 * backoff and the delivery is FAILED after the maximum attempts. Each delivery is claimed first (a lease on its next
 * attempt time), so several instances never POST it at the same time. Every attempt is logged.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;

    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final WebhookProperties properties;
    private final Backoff backoff;
    private final HttpClient http;
    private final Clock clock;
    private Instant lastPurge = Instant.EPOCH;

    WebhookDispatcher(
            DeliveryRepository deliveries, WebhookRepository webhooks, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.properties = properties;
        this.backoff = new Backoff(properties.backoffBase(), properties.maxAttempts());
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${openvmi.webhooks.dispatch-interval:5s}",
            initialDelayString = "${openvmi.webhooks.dispatch-interval:5s}")
    public void dispatchDue() {
        purgeDeleted();
        // keys (webhook and ordering key) stopped in this round: a later delivery of a key waits for the earlier one
        Set<String> held = new HashSet<>();
        for (DeliveryRepository.Due d : deliveries.due(clock.instant(), BATCH)) {
            String key = d.orderKey() == null ? null : d.subscriptionId() + "|" + d.orderKey();
            if (key != null && held.contains(key)) {
                continue;
            }
            boolean delivered =
                    deliveries.claim(d.id(), d.nextAttemptAt(), clock.instant().plus(lease())) && deliver(d);
            if (!delivered && key != null) {
                held.add(key);
            }
        }
    }

    /** How long a claimed delivery is this instance's: its POST is over by then. */
    private Duration lease() {
        return properties.requestTimeout().plus(properties.connectTimeout()).plusSeconds(30);
    }

    /**
     * Once a minute, removes the webhooks deleted more than two leases ago with their deliveries: no POST of theirs
     * can be in flight any more, on any instance (ADR 0078).
     */
    private void purgeDeleted() {
        Instant now = clock.instant();
        if (Duration.between(lastPurge, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastPurge = now;
        webhooks.purgeDeleted(now.minus(lease().multipliedBy(2)));
    }

    /** One attempt; true when delivered. */
    private boolean deliver(DeliveryRepository.Due d) {
        Instant at = clock.instant();
        String timestamp = String.valueOf(at.getEpochSecond());
        long start = System.nanoTime();
        Integer code = null;
        String error = null;
        String errorCode = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "OpenVMI-Webhooks/1")
                    .header("X-OpenVMI-Event", d.eventType())
                    .header("X-OpenVMI-Delivery", d.uid())
                    .header("X-OpenVMI-Event-Id", d.eventId() == null ? d.uid() : d.eventId())
                    .header("X-OpenVMI-Timestamp", timestamp)
                    .header("X-OpenVMI-Signature", WebhookSignature.sign(d.secret(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                    .build();
            code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (code < 200 || code > 299) {
                error = "HTTP " + code;
                errorCode = WebhookErrors.HTTP_STATUS;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
            errorCode = WebhookErrors.INTERRUPTED;
        } catch (Exception e) {
            error = WebhookErrors.detail(e);
            errorCode = WebhookErrors.category(e);
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Instant now = clock.instant();
        if (error == null) {
            deliveries.recordAttempt(d.id(), at, ms, code, null, null, "DELIVERED", now);
            return true;
        }
        int failed = d.roundAttempts() + 1;
        boolean giveUp = backoff.exhausted(failed);
        log.warn(
                "Webhook delivery {} to {} failed (attempt {} of {}): {}",
                d.uid(),
                d.url(),
                failed,
                properties.maxAttempts(),
                error);
        deliveries.recordAttempt(
                d.id(),
                at,
                ms,
                code,
                errorCode,
                truncate(error),
                giveUp ? "FAILED" : "PENDING",
                giveUp ? now : now.plus(backoff.after(failed)));
        return false;
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
