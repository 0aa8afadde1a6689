package org.openvmi.shared;

import org.springframework.security.core.context.SecurityContextHolder;

/** The name of whoever the current request or job acts for: the signed-in user, or "system" for scheduled work. */
public final class CurrentUser {

    private CurrentUser() {}

    public static String name() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
