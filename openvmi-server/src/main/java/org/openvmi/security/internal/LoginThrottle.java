package org.openvmi.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.openvmi.audit.AuditTrail;
import org.openvmi.security.SecurityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after repeated failed logins (form and HTTP Basic alike), and writes every failure
 * to the audit log. The state lives in the database so that every instance of the server sees it.
 */
@Component
class LoginThrottle {

    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginThrottle(UserRepository users, AuditTrail audit, Clock clock, SecurityProperties properties) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = properties.maxLoginFailures();
        this.lockDuration = properties.lockDuration();
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String reason = event.getException().getClass().getSimpleName();
        audit.recordAs(
                username == null ? "anonymous" : username,
                "LOGIN_FAILURE",
                "login",
                username,
                Map.of("reason", reason));
        if (username == null) {
            return;
        }
        int failures = users.recordFailure(username);
        if (failures >= maxFailures) {
            users.lockUntil(username, clock.instant().plus(lockDuration));
            audit.recordAs(
                    "system",
                    "LOCK",
                    "user",
                    username,
                    Map.of("failures", failures, "minutes", lockDuration.toMinutes()));
        }
    }

    /**
     * Clears counted failures after a successful login. Every HTTP Basic request authenticates, so the check comes
     * first and without a transaction: a request of a user without failures writes nothing (on the embedded database
     * a write would wait for the single writer, ADR 0016).
     */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        if (users.hasFailures(username)) {
            users.resetFailures(username);
        }
    }
}
