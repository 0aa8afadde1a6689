package org.openvmi.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openvmi.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * What the page layout asks while it renders ({@code ${@shell.sidebar()}}): the signed-in user's sidebar with the
 * current page marked, and the language links that keep the page's query string.
 */
@Component("shell")
public class Shell {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    public List<Navigation.ShownGroup> sidebar() {
        HttpServletRequest request = request();
        return Navigation.sidebar(roles(), request == null ? null : path(request));
    }

    /**
     * The current page in another language: its path and query string with {@code lang} replaced. On a page shown in
     * answer to a POST (a refused form) the GET of the same path is the nearest page to switch to.
     */
    public String languageUrl(String lang) {
        HttpServletRequest request = request();
        if (request == null) {
            return "/?lang=" + lang;
        }
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(path(request))
                .query(query)
                .replaceQueryParam("lang", lang)
                .build()
                .toUriString();
    }

    static Set<Role> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (auth == null || !auth.isAuthenticated()) {
            return roles;
        }
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority())) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }

    private static String path(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        return original instanceof String uri ? uri : PATHS.getPathWithinApplication(request);
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
    }
}
