package org.openvmi.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a list page that keep its query, as {@code ${@lists...}} in templates: the pager's pages and the sortable
 * column headings. A link starts from the list's own URL (which a controller may pass, e.g. when a POST rendered the
 * page) and takes every parameter of the current GET request on top, so filters, sort and page size survive paging.
 */
@Component("lists")
public class ListLinks {

    /** Parameters a link never carries over: the page (set by the link) and one-shot form fields. */
    private static final Set<String> DROPPED = Set.of("page", "_csrf", "lang");
    /** Parameters that order or cut a list without filtering it. */
    private static final Set<String> NOT_FILTERS = Set.of("page", "size", "sort", "dir", "lang", "_csrf");

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

    ListLinks(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        this.privileges = privileges;
    }

    /** Whether the current GET request filters its list (a parameter other than page, size, sort). */
    public boolean filtered() {
        HttpServletRequest request = request();
        return request != null
                && "GET".equals(request.getMethod())
                && request.getParameterMap().entrySet().stream()
                        .anyMatch(e -> !NOT_FILTERS.contains(e.getKey())
                                && Arrays.stream(e.getValue()).anyMatch(v -> v != null && !v.isBlank()));
    }

    /** The current list without its filters (sort and size kept). */
    public String clear() {
        UriComponentsBuilder url = base(null);
        HttpServletRequest request = request();
        if (request != null) {
            request.getParameterMap().keySet().stream()
                    .filter(n -> !NOT_FILTERS.contains(n))
                    .forEach(n -> url.replaceQueryParam(n));
        }
        return url.build().encode().toUriString();
    }

    /**
     * The list at {@code path} (null: the current one) without the filters {@code names}, from its first page, keeping
     * the sort, the size and the other filters: a status tab's "show all".
     */
    public String without(String path, String... names) {
        UriComponentsBuilder url = base(path);
        for (String name : names) {
            url.replaceQueryParam(name);
        }
        return url.build().encode().toUriString();
    }

    /** Whether the signed-in user may open {@code path} (so an empty list offers only a next step it can take). */
    public boolean allowed(String path) {
        WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return evaluator == null || evaluator.isAllowed(path, user);
    }

    /** The URL of page {@code page} (0-based) of the list at {@code baseUrl} (null: the current path). */
    public String page(String baseUrl, int page) {
        UriComponentsBuilder url = base(baseUrl);
        return (page > 0 ? url.replaceQueryParam("page", page) : url)
                .build()
                .encode()
                .toUriString();
    }

    /** The URL that sorts the list by {@code key}: ascending first, descending when it is already sorted ascending. */
    public String sort(String key) {
        boolean ascendingNow = key.equals(param("sort")) && !"desc".equals(param("dir"));
        return base(null)
                .replaceQueryParam("sort", key)
                .replaceQueryParam("dir", ascendingNow ? "desc" : "asc")
                .build()
                .encode()
                .toUriString();
    }

    /** "asc", "desc" or "" for the heading of column {@code key}, for its aria-sort and arrow. */
    public String sorted(String key) {
        return key.equals(param("sort")) ? ("desc".equals(param("dir")) ? "desc" : "asc") : "";
    }

    private UriComponentsBuilder base(String baseUrl) {
        HttpServletRequest request = request();
        String path = baseUrl != null ? baseUrl : request == null ? "/" : request.getRequestURI();
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(path);
        MultiValueMap<String, String> kept =
                new LinkedMultiValueMap<>(url.build().getQueryParams());
        if (request != null && "GET".equals(request.getMethod())) {
            request.getParameterMap().forEach((name, values) -> {
                if (!DROPPED.contains(name)) {
                    kept.put(
                            name,
                            Arrays.stream(values)
                                    .filter(v -> v != null && !v.isBlank())
                                    .toList());
                }
            });
        }
        kept.remove("page");
        url.replaceQuery(null);
        kept.forEach((name, values) -> {
            List<String> nonBlank =
                    values.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!nonBlank.isEmpty()) {
                url.queryParam(name, nonBlank.toArray());
            }
        });
        return url;
    }

    private static String param(String name) {
        HttpServletRequest request = request();
        return request == null ? null : request.getParameter(name);
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
    }
}
