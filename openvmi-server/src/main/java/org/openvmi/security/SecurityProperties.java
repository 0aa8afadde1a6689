package org.openvmi.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxLoginFailures consecutive failed logins that lock an account
 * @param lockDuration     how long it stays locked
 * @param bcryptStrength   cost of new password hashes (tests lower it)
 */
@ConfigurationProperties("openvmi.security")
public record SecurityProperties(
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("10") int bcryptStrength) {}
