package org.openvmi.security;

import java.util.Set;

/** A user as the admin pages and API list it; never the password hash. */
public record UserView(long id, String username, String displayName, Set<Role> roles, String supplier, boolean enabled,
                       boolean locked, String email, String language) {

    static UserView of(OpenVmiUser u) {
        return new UserView(u.id(), u.username(), u.displayName(), u.roles(), u.supplierCode(), u.enabled(), u.locked(),
                u.email(), u.language());
    }
}
