package org.openvmi.security;

import java.util.Collection;
import org.openvmi.security.internal.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Whether roles may open a page of the UI, read from the same {@link AccessRules} table the security filter chain
 * enforces (first matching rule wins, nothing listed means refused), so a menu built from it never shows a link that
 * answers 403. The home page "/" is open to every signed-in user, as in the filter chain.
 */
public final class AccessPolicy {

    private AccessPolicy() {}

    /** May a user with these roles GET this path (without query string)? */
    public static boolean mayOpen(Collection<Role> roles, String path) {
        return allows(roles, HttpMethod.GET, path);
    }

    public static boolean allows(Collection<Role> roles, HttpMethod method, String path) {
        if (roles.isEmpty()) {
            return false;
        }
        if ("/".equals(path)) {
            return true;
        }
        PathContainer container = PathContainer.parsePath(path);
        for (AccessRules.Rule rule : AccessRules.RULES) {
            if ((rule.method() == null || rule.method().equals(method))
                    && PathPatternParser.defaultInstance.parse(rule.path()).matches(container)) {
                return rule.roles().isEmpty() || rule.roles().stream().anyMatch(roles::contains);
            }
        }
        return false;
    }
}
