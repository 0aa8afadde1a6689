package org.openvmi.security;

import java.util.Set;

/**
 * A user as the admin pages and API list it; never the password hash. {@code timeZone}: the IANA zone its pages are
 * shown in, null for the server's configured zone.
 */
public record UserView(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        String supplier,
        boolean enabled,
        boolean locked,
        String email,
        String language,
        String timeZone) {

    static UserView of(OpenVmiUser u, String timeZone) {
        return new UserView(
                u.id(),
                u.username(),
                u.displayName(),
                u.roles(),
                u.supplierCode(),
                u.enabled(),
                u.locked(),
                u.email(),
                u.language(),
                timeZone);
    }
}
