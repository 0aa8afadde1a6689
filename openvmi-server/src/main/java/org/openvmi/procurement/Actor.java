package org.openvmi.procurement;

import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.shared.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;

/** The acting user's name and role names (without the ROLE_ prefix). */
record Actor(String name, Set<String> roles) {

    static Actor current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Set<String> roles = auth == null
                ? Set.of()
                : auth.getAuthorities().stream()
                        .map(a -> a.getAuthority().startsWith("ROLE_")
                                ? a.getAuthority().substring(5)
                                : a.getAuthority())
                        .collect(Collectors.toSet());
        return new Actor(CurrentUser.name(), roles);
    }

    /** The approver entries this user acts for: its name and role:X for each of its roles. */
    java.util.List<String> approverNames() {
        var names = new java.util.ArrayList<String>();
        names.add(name);
        roles.forEach(r -> names.add("role:" + r));
        return names;
    }
}
