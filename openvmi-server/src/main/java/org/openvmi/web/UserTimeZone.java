package org.openvmi.web;

import java.time.ZoneId;
import org.openvmi.security.UserDirectory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The zone a page shows its times in: the signed-in user's own (its setting on the preferences page or the user
 * admin), else the server's configured zone ({@code openvmi.display.time-zone}). Read once per request: a list page
 * formats hundreds of times.
 */
@Component
public class UserTimeZone {

    private static final String CACHED = UserTimeZone.class.getName();

    private final UserDirectory users;
    private final DisplayProperties properties;

    UserTimeZone(UserDirectory users, DisplayProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    public ZoneId current() {
        String user = signedIn();
        if (user == null) {
            return properties.timeZone();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookUp(user);
        }
        String key = CACHED + ":" + user; // by user: a request is one user's, a test's bound request may see two
        Object cached = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof ZoneId zone) {
            return zone;
        }
        ZoneId zone = lookUp(user);
        request.setAttribute(key, zone, RequestAttributes.SCOPE_REQUEST);
        return zone;
    }

    /** The server's configured zone: the default, and what a blank setting goes back to. */
    public ZoneId configured() {
        return properties.timeZone();
    }

    private ZoneId lookUp(String user) {
        return users.timeZone(user).orElse(properties.timeZone());
    }

    private static String signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                ? null
                : auth.getName();
    }
}
