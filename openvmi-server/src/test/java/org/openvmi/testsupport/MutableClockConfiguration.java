package org.openvmi.testsupport;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import into a test to get a {@link MutableClock} as the application's clock. */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Clock.systemDefaultZone());
    }
}
