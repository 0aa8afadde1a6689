package org.openvmi.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.security.ApiKeyScope;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The endpoints (under {@code /api/v1}) each API key scope opens. A key with scopes may call only these, and only
 * what {@link AccessRules} also allows its user; a key without scopes (a buyer-side key) has all its user's rights.
 */
public final class ApiKeyScopeRules {

    private record Grant(HttpMethod method, PathPattern path) {}

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private static final Map<ApiKeyScope, List<Grant>> GRANTS = Map.of(
            ApiKeyScope.STOCK_READ,
                    List.of(
                            get("/items/**"),
                            get("/stock/**"),
                            get("/movements/**"),
                            get("/stock-policies/**"),
                            get("/alerts/**"),
                            get("/supplier-stock/**"),
                            get("/portal")),
            ApiKeyScope.SUPPLIER_STOCK_WRITE,
                    List.of(
                            new Grant(HttpMethod.POST, PARSER.parse("/api/v1/supplier-stock/**")),
                            new Grant(HttpMethod.POST, PARSER.parse("/api/v1/inbound/supplier-stock/**")),
                            get("/supplier-stock/**")),
            ApiKeyScope.SHIPMENTS,
                    List.of(get("/shipments/**"), new Grant(HttpMethod.POST, PARSER.parse("/api/v1/shipments/**"))));

    private ApiKeyScopeRules() {}

    private static Grant get(String path) {
        return new Grant(HttpMethod.GET, PARSER.parse("/api/v1" + path));
    }

    /** Whether a key with these scopes (null = unrestricted) may make this request (path without context path). */
    public static boolean permits(Set<ApiKeyScope> scopes, String method, String path) {
        if (scopes == null) {
            return true;
        }
        PathContainer container = PathContainer.parsePath(path);
        return scopes.stream()
                .flatMap(s -> GRANTS.getOrDefault(s, List.of()).stream())
                .anyMatch(g -> g.method().matches(method) && g.path().matches(container));
    }
}
