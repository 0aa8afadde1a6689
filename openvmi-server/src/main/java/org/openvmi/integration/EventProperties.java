package org.openvmi.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Business events out (ADR 0062). An event is written to the outbox when something consumes it (ADR 0066);
 * publishing to RabbitMQ is off unless {@code broker-enabled}, so the embedded run needs no broker. The connection
 * is Spring Boot's {@code spring.rabbitmq.*}.
 *
 * @param brokerEnabled   publish the outbox to RabbitMQ (events written while off are never sent there)
 * @param exchange        the topic exchange; the routing key is the event type
 * @param publishInterval how often the publisher looks for pending events
 * @param confirmTimeout  how long to wait for the broker's publisher confirm before trying again later
 * @param batchSize       events read per round
 * @param retention       how long events stay in the outbox once published (or when the broker is off)
 * @param keepUnconsumed  write events nothing consumes (broker off, no subscription that may see them) as {@code OFF}
 *                        rows anyway; off by default, such rows were never read (ADR 0066)
 */
@ConfigurationProperties("openvmi.events")
public record EventProperties(
        @DefaultValue("false") boolean brokerEnabled,
        @DefaultValue("openvmi.events") String exchange,
        @DefaultValue("1s") Duration publishInterval,
        @DefaultValue("5s") Duration confirmTimeout,
        @DefaultValue("500") int batchSize,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("false") boolean keepUnconsumed) {}
