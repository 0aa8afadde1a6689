package org.openvmi.security;

import java.util.Collection;
import java.util.Set;
import org.openvmi.shared.PartyPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: its roles and, for supplier users, the one supplier it is bound to. */
public record OpenVmiUser(
        long id,
        String username,
        String passwordHash,
        String displayName,
        Set<Role> roles,
        Long supplierId,
        String supplierCode,
        boolean enabled,
        boolean locked,
        String email,
        String language)
        implements UserDetails, PartyPrincipal {

    /** Without contact details (e-mail address, language of notifications: then zh-CN). */
    public OpenVmiUser(
            long id,
            String username,
            String passwordHash,
            String displayName,
            Set<Role> roles,
            Long supplierId,
            String supplierCode,
            boolean enabled,
            boolean locked) {
        this(
                id,
                username,
                passwordHash,
                displayName,
                roles,
                supplierId,
                supplierCode,
                enabled,
                locked,
                null,
                UserCommand.DEFAULT_LANGUAGE);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean supplierUser() {
        return roles.contains(Role.SUPPLIER);
    }

    /** Never prints the password hash (principals end up in logs and debug output). */
    @Override
    public String toString() {
        return "OpenVmiUser[id=" + id + ", username=" + username + ", roles=" + roles + ", supplierCode=" + supplierCode
                + ", enabled=" + enabled + ", locked=" + locked + "]";
    }

    /** Without the password hash, for the session and the audit log. */
    public OpenVmiUser withoutPassword() {
        return new OpenVmiUser(
                id, username, "", displayName, roles, supplierId, supplierCode, enabled, locked, email, language);
    }
}
