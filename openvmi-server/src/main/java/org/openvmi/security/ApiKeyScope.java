package org.openvmi.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may be used for, on top of its user's roles (a key never has more rights than its user). The
 * endpoints of each scope are listed in {@code security/internal/ApiKeyScopeRules}.
 */
public enum ApiKeyScope {
    /** Read stock, movements, items, stock lines, alerts, supplier stock and the portal summary. */
    STOCK_READ,
    /** Report supplier stock (batch and file) and read it back. */
    SUPPLIER_STOCK_WRITE,
    /** Shipments (ASN) of consignment; the endpoints arrive with the consignment feature. */
    SHIPMENTS;

    /** What a supplier's key gets when it is created without scopes. */
    public static final Set<ApiKeyScope> SUPPLIER_DEFAULT = EnumSet.of(STOCK_READ, SUPPLIER_STOCK_WRITE);

    /** Null for null or blank (= unrestricted). */
    public static Set<ApiKeyScope> parseAll(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return null;
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> ApiKeyScope.valueOf(s.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiKeyScope.class)));
    }

    public static String format(Set<ApiKeyScope> scopes) {
        return scopes == null || scopes.isEmpty()
                ? null
                : scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
