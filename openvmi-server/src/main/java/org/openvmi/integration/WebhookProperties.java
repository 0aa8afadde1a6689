package org.openvmi.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dispatchInterval how often the dispatcher looks for due deliveries
 * @param maxAttempts      tries before a delivery is marked FAILED
 * @param backoffBase      wait after the first failed try; doubled after each further one
 * @param connectTimeout   HTTP connect timeout
 * @param requestTimeout   time allowed for the receiver's answer
 */
@ConfigurationProperties("openvmi.webhooks")
public record WebhookProperties(
        @DefaultValue("5s") Duration dispatchInterval,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("10s") Duration backoffBase,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout) {}
