package org.openvmi.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * {@code @ApplicationModuleListener}s run after the publishing transaction commits, on Spring Boot's task executor
 * rather than on the thread of the request that raised the event (a posting never waits for mails or webhooks).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncEventsConfiguration {}
