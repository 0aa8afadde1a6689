package org.openvmi.integration.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openvmi.integration.EventProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the event outbox to RabbitMQ (ADR 0062): topic exchange {@code openvmi.events}, routing key = event type,
 * message id = event id, persistent, with publisher confirms. An event is marked PUBLISHED only once the broker
 * confirmed it; while the broker is down or refuses, events stay PENDING and go on the next round. Events of one key
 * leave in outbox order: once one of a key is not confirmed, the later ones of that key wait for the next round. One
 * instance publishes at a time (a lease in the database). A crash between the confirm and the mark sends an event
 * again, with the same id: consumers de-duplicate by id.
 */
@Component
public class BrokerPublisher {

    private static final Logger log = LoggerFactory.getLogger(BrokerPublisher.class);

    private final EventRepository events;
    private final EventProperties properties;
    private final ObjectProvider<RabbitTemplate> rabbit;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();
    private Instant lastPurge = Instant.EPOCH;

    BrokerPublisher(
            EventRepository events, EventProperties properties, ObjectProvider<RabbitTemplate> rabbit, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.rabbit = rabbit;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${openvmi.events.publish-interval:1s}",
            initialDelayString = "${openvmi.events.publish-interval:1s}")
    public void scheduled() {
        purgeOld();
        if (properties.brokerEnabled()) {
            publishPending();
        }
    }

    /** One round: publishes what is pending (at most a batch); answers how many were confirmed. */
    public synchronized int publishPending() {
        RabbitTemplate template = rabbit.getIfAvailable();
        if (template == null) {
            return 0;
        }
        Instant now = clock.instant();
        Duration lease = properties.confirmTimeout().multipliedBy(4).plusSeconds(30);
        if (!events.lease(holder, now, now.plus(lease))) {
            return 0;
        }
        try {
            return round(template);
        } finally {
            events.release(holder);
        }
    }

    private record Sent(EventRepository.Pending event, CorrelationData correlation) {}

    /**
     * Sends and confirms one batch on ONE channel: the template otherwise borrows a cached channel per send, and
     * RabbitMQ keeps order only within a channel (two events of one key swapped places once in CI). The confirms are
     * awaited inside the scope, before the channel closes.
     */
    private int round(RabbitTemplate template) {
        List<EventRepository.Pending> batch = events.pending(properties.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            Integer confirmed = template.invoke(channel -> sendAndConfirm(channel, batch));
            return confirmed == null ? 0 : confirmed;
        } catch (AmqpException e) {
            // no channel: the broker is down or unreachable; the whole batch stays pending
            log.warn("Publishing events to RabbitMQ failed: {}", e.getMessage());
            events.failed(batch.get(0).id(), describe(e));
            return 0;
        }
    }

    private int sendAndConfirm(RabbitOperations template, List<EventRepository.Pending> batch) {
        Set<String> blocked = new HashSet<>();
        List<Sent> sent = new ArrayList<>();
        for (EventRepository.Pending p : batch) {
            if (blocked.contains(p.key())) {
                continue;
            }
            CorrelationData correlation = new CorrelationData(p.eventId());
            try {
                template.send(properties.exchange(), p.type(), message(p), correlation);
                sent.add(new Sent(p, correlation));
            } catch (AmqpException e) {
                // broker down or unreachable: nothing more this round; the rest stays pending
                log.warn("Publishing event {} to RabbitMQ failed: {}", p.eventId(), e.getMessage());
                events.failed(p.id(), describe(e));
                break;
            }
        }
        int confirmed = 0;
        long deadline = System.nanoTime() + properties.confirmTimeout().toNanos();
        for (Sent s : sent) {
            String key = s.event().key();
            String error =
                    blocked.contains(key) ? "an earlier event of its key was not confirmed" : confirm(s, deadline);
            if (error == null) {
                events.published(s.event().id(), clock.instant());
                confirmed++;
            } else {
                blocked.add(key);
                events.failed(s.event().id(), error);
            }
        }
        return confirmed;
    }

    /** Null when the broker confirmed the message, else why not. */
    private static String confirm(Sent s, long deadline) {
        try {
            CorrelationData.Confirm c =
                    s.correlation().getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!c.ack()) {
                return "nack: " + c.reason();
            }
            return s.correlation().getReturned() != null ? "returned by the broker" : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException | TimeoutException e) {
            return "no confirm: " + e.getClass().getSimpleName();
        }
    }

    private static Message message(EventRepository.Pending p) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setContentEncoding("UTF-8");
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        props.setMessageId(p.eventId());
        props.setType(p.type());
        props.setTimestamp(new Date());
        props.setAppId("openvmi");
        props.setHeader("x-openvmi-key", p.key());
        props.setHeader("x-openvmi-version", p.version());
        return new Message(p.envelope().getBytes(StandardCharsets.UTF_8), props);
    }

    private void purgeOld() {
        Instant now = clock.instant();
        if (Duration.between(lastPurge, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastPurge = now;
        purge(now);
    }

    /**
     * Forgets the events settled longer than the retention before {@code now} (see {@link EventRepository#purge});
     * answers how many. Runs once a minute; public for the tests.
     */
    public int purge(Instant now) {
        return events.purge(now.minus(properties.retention()));
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
