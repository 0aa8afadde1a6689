package org.openvmi.security;

import java.util.Set;

/**
 * What notifications need to know about a user: where to mail it, in which language (zh-CN or en), its roles and,
 * for a SUPPLIER user, the one supplier it is bound to.
 */
public record UserContact(
        String username, String displayName, String email, String language, Set<Role> roles, Long supplierId) {

    public boolean supplierUser() {
        return roles.contains(Role.SUPPLIER);
    }
}
