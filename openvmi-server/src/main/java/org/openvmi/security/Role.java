package org.openvmi.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles of OpenVMI. SUPPLIER users are bound to one supplier; the others are the buying side. */
public enum Role {
    ADMIN,
    BUYER,
    WAREHOUSE,
    FINANCE,
    PLANNER,
    VIEWER,
    SUPPLIER;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<Role> parseAll(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> Role.valueOf(s.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public static String format(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
