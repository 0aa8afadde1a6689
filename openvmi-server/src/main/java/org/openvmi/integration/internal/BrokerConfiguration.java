package org.openvmi.integration.internal;

import org.openvmi.integration.EventProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic exchange events are published to; declared by Spring's RabbitAdmin when a connection opens. */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    @Bean
    TopicExchange openVmiEventsExchange(EventProperties properties) {
        return new TopicExchange(properties.exchange(), true, false);
    }
}
