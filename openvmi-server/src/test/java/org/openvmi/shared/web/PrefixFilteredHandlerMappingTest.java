package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The handler lookup's literal-beginning test (ADR 0081) picks the same handler as Spring's own lookup for a path of
 * every mapping of the application, and for paths that match none, while passing over almost every mapping for a
 * path with a variable.
 */
@H2Test
class PrefixFilteredHandlerMappingTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void the_literal_beginning_of_a_pattern_ends_before_its_first_variable_or_wildcard_segment() {
        assertThat(PrefixFilteredHandlerMapping.Mapping.literalBeginning("/api/v1/items/{code}"))
                .isEqualTo("/api/v1/items");
        assertThat(PrefixFilteredHandlerMapping.Mapping.literalBeginning("/api/v1/items/**"))
                .as("** also matches /api/v1/items itself")
                .isEqualTo("/api/v1/items");
        assertThat(PrefixFilteredHandlerMapping.Mapping.literalBeginning("/img/*.png"))
                .isEqualTo("/img");
        assertThat(PrefixFilteredHandlerMapping.Mapping.literalBeginning("/files/a?c"))
                .isEqualTo("/files");
        assertThat(PrefixFilteredHandlerMapping.Mapping.literalBeginning("/{*rest}"))
                .isEmpty();
        assertThat(PrefixFilteredHandlerMapping.Mapping.literalBeginning("/api/v1/movements"))
                .isEqualTo("/api/v1/movements");
    }

    @Test
    void every_mapping_s_paths_find_the_same_handler_as_spring_s_own_lookup() throws Exception {
        assertThat(mapping).isInstanceOf(PrefixFilteredHandlerMapping.Mapping.class);
        var filtered = (PrefixFilteredHandlerMapping.Mapping) mapping;
        List<String[]> requests = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            String method =
                    methods.isEmpty() ? "GET" : methods.iterator().next().name();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                requests.add(new String[] {method, example(pattern.getPatternString())});
            }
        }
        assertThat(requests).hasSizeGreaterThan(300);
        requests.add(new String[] {"GET", "/api/v1/no-such-thing/42"});
        requests.add(new String[] {"DELETE", "/api/v1/movements"});
        requests.add(new String[] {"GET", "/api/v1/items/%41BC"});
        requests.add(new String[] {"GET", "/API/v1/items/ABC"});
        requests.add(new String[] {"GET", "/"});
        int compared = 0;
        for (String[] r : requests) {
            String expected = outcome(() -> filtered.lookupWithoutFirstTest(r[1], request(r[0], r[1])));
            String actual = outcome(() -> {
                var chain = mapping.getHandler(request(r[0], r[1]));
                return chain == null ? null : (HandlerMethod) chain.getHandler();
            });
            assertThat(actual).as(r[0] + " " + r[1]).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isEqualTo(requests.size());
    }

    @Test
    void a_path_with_a_variable_is_matched_in_full_against_a_few_mappings_not_all() {
        String path = "/api/v1/items/ABC";
        long passing = mapping.getHandlerMethods().keySet().stream()
                .map(PrefixFilteredHandlerMapping.Mapping::beginningsOf)
                .filter(beginnings -> java.util.Arrays.stream(beginnings).anyMatch(path::startsWith))
                .count();
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(300);
        assertThat(passing).isBetween(1L, 30L);
    }

    private static MockHttpServletRequest request(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        if (!HttpMethod.GET.matches(method) && !HttpMethod.DELETE.matches(method)) {
            request.setContentType("application/json");
        }
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static String outcome(Callable<HandlerMethod> lookup) {
        try {
            HandlerMethod handler = lookup.call();
            return handler == null ? "no handler" : handler.getMethod().toGenericString();
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    /** A path the pattern matches: variables become "x1", wildcards a segment or two. */
    private static String example(String pattern) {
        String path = pattern.replaceAll("\\{\\*[^}]+}", "/a/b")
                .replaceAll("\\{[^}]+}", "x1")
                .replace("**", "a/b")
                .replace("*", "a")
                .replace("?", "q");
        return Objects.requireNonNullElse(path, "/").isEmpty() ? "/" : path.replace("//", "/");
    }
}
