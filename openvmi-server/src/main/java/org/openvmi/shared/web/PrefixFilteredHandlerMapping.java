package org.openvmi.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup with a cheap first test (issue 19 part 4, ADR 0081). A request whose path is no mapping's
 * literal path (any path with a variable: {@code /api/v1/items/{code}}, {@code /orders/{id}/lines}) was matched
 * against every one of the ~520 mappings: each one's method, consumes and produces conditions and path pattern, about
 * a fifth of such a request's CPU. Each mapping's patterns have a literal beginning (the segments before the first
 * variable or wildcard: {@code /api/v1/items} for {@code /api/v1/items/{code}} and for {@code /api/v1/items/**}); a
 * mapping none of whose beginnings starts the request's path cannot match it, so it is passed over before its
 * conditions are evaluated. Every other mapping is matched exactly as before, and a request that matches none still
 * gets Spring's own 404/405/406/415 decision (which looks at every mapping again). Paths with a {@code %} or {@code ;}
 * (whose decoded segments could match a literal the raw path does not start with) and case-insensitive pattern
 * parsers skip the first test.
 */
@Configuration(proxyBeanMethods = false)
class PrefixFilteredHandlerMapping {

    @Bean
    WebMvcRegistrations prefixFilteredRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    /** The request mapping handler mapping with the literal-beginning test. */
    static final class Mapping extends RequestMappingHandlerMapping {

        private static final String[] ANY = {""};

        private final ThreadLocal<String> lookupPath = new ThreadLocal<>();
        private final Map<RequestMappingInfo, String[]> beginnings = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String path, HttpServletRequest request) throws Exception {
            boolean filter = path.indexOf('%') < 0
                    && path.indexOf(';') < 0
                    && (getPatternParser() == null || getPatternParser().isCaseSensitive());
            if (!filter) {
                return super.lookupHandlerMethod(path, request);
            }
            lookupPath.set(path);
            try {
                return super.lookupHandlerMethod(path, request);
            } finally {
                lookupPath.remove();
            }
        }

        /** Spring's own lookup, every mapping matched in full (for the test that compares the two). */
        HandlerMethod lookupWithoutFirstTest(String path, HttpServletRequest request) throws Exception {
            return super.lookupHandlerMethod(path, request);
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = lookupPath.get();
            if (path != null && !startsAny(path, beginnings.computeIfAbsent(info, Mapping::beginningsOf))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean startsAny(String path, String[] beginnings) {
            for (String beginning : beginnings) {
                if (path.startsWith(beginning)) {
                    return true;
                }
            }
            return false;
        }

        /** The literal beginning of each of the mapping's path patterns ({@code ""} when it has none: any path). */
        static String[] beginningsOf(RequestMappingInfo info) {
            if (info.getPathPatternsCondition() == null) {
                return ANY;
            }
            var patterns = info.getPathPatternsCondition().getPatterns();
            if (patterns.isEmpty()) {
                return ANY;
            }
            return patterns.stream()
                    .map(PathPattern::getPatternString)
                    .map(Mapping::literalBeginning)
                    .toArray(String[]::new);
        }

        /** {@code /api/v1/items/{code}} → {@code /api/v1/items}; a pattern without variables or wildcards is itself. */
        static String literalBeginning(String pattern) {
            int segmentStart = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '/') {
                    segmentStart = i;
                } else if (c == '{' || c == '*' || c == '?') {
                    return pattern.substring(0, segmentStart);
                }
            }
            return pattern;
        }
    }
}
