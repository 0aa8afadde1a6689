package org.openvmi.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wraps the application's own PasswordEncoder bean (BCrypt) and counts its work, so a test can prove that a request
 * did or did not hash a password. {@code @Import(CountingPasswordEncoder.Configuration.class)} to use it.
 */
class CountingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final AtomicInteger calls = new AtomicInteger();

    CountingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        calls.incrementAndGet();
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        calls.incrementAndGet();
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        static BeanPostProcessor countingPasswordEncoder() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof PasswordEncoder encoder && !(bean instanceof CountingPasswordEncoder)
                            ? new CountingPasswordEncoder(encoder)
                            : bean;
                }
            };
        }
    }
}
