package org.openvmi.channels.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openvmi.channels.AtpView;
import org.openvmi.channels.Channels;
import org.openvmi.shared.IdempotencyKeys;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/channels/{code}/atp?items=} answered by a servlet filter that runs right after Spring Security's
 * filter chain (ADR 0090): the caller has been authenticated and authorised by that chain exactly as before (API key,
 * HTTP Basic; supplier users refused), but the request never reaches the {@code DispatcherServlet} — no handler lookup,
 * argument resolution, interceptors, content negotiation or message converter. The answer is {@link Channels#atp}
 * (the kept view of ADR 0082, computed on every read, so freshness is unchanged) written as the same JSON the
 * controller wrote; its bytes are kept per (channel, items) and reused while the computed view is equal, and carry an
 * ETag, so a client that sends {@code If-None-Match} gets a 304 without a body while the view is unchanged.
 *
 * <p>Anything but the plain successful read goes on to the controller, which answers as always: other methods and
 * paths, an encoded or odd channel code, a missing or repeated {@code items} parameter, an {@code Idempotency-Key}
 * header (its check is an MVC interceptor), and every refusal (unknown channel or item, too many items: the
 * controller runs the same read again and its exception handlers write the problem).
 */
@Configuration(proxyBeanMethods = false)
class AtpFastPath {

    static final String PREFIX = "/api/v1/channels/";
    static final String SUFFIX = "/atp";

    /** The route's pattern, for the {@code http.server.requests} metric (no handler mapping names it here). */
    static final String PATTERN = "/api/v1/channels/{code}/atp";

    /** After Spring Security's filter chain (registered at -100), before the servlet. */
    static final int ORDER = 0;

    /** Past this many kept answers the copy starts over, so it never grows without bound. */
    static final int MAX_KEPT = 10_000;

    @Bean
    FilterRegistrationBean<AtpFilter> channelAtpFilter(Channels channels, JsonMapper json) {
        FilterRegistrationBean<AtpFilter> registration = new FilterRegistrationBean<>(new AtpFilter(channels, json));
        registration.addUrlPatterns(PREFIX + "*");
        registration.setOrder(ORDER);
        registration.setName("channelAtpFilter");
        return registration;
    }

    /** One answer: the view it was written from, its bytes and their ETag. */
    record Answer(AtpView view, byte[] body, String etag) {}

    static final class AtpFilter extends HttpFilter {

        private final transient Channels channels;
        private final transient JsonMapper json;
        private final transient Map<String, Answer> answers = new ConcurrentHashMap<>();

        AtpFilter(Channels channels, JsonMapper json) {
            this.channels = channels;
            this.json = json;
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String code = "GET".equals(request.getMethod()) ? channelCode(request) : null;
            String[] items = code == null ? null : request.getParameterValues("items");
            if (code == null
                    || items == null
                    || items.length != 1
                    || request.getHeader(IdempotencyKeys.HEADER) != null) {
                chain.doFilter(request, response);
                return;
            }
            AtpView view;
            try {
                view = channels.atp(code, split(items[0]));
            } catch (RuntimeException refused) {
                chain.doFilter(request, response); // the controller refuses it again, as a problem, as always
                return;
            }
            String key = code + '?' + items[0];
            Answer answer = answers.get(key);
            if (answer == null || !answer.view().equals(view)) {
                byte[] body = json.writeValueAsBytes(view);
                answer = new Answer(view, body, etag(body));
                if (answers.size() >= MAX_KEPT) {
                    answers.clear();
                }
                answers.put(key, answer);
            }
            ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
            response.setHeader("ETag", answer.etag());
            String ifNoneMatch = request.getHeader("If-None-Match");
            if (ifNoneMatch != null && matches(ifNoneMatch, answer.etag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }

        /** The channel code of {@code /api/v1/channels/{code}/atp}, or null for any other path or an odd code. */
        static String channelCode(HttpServletRequest request) {
            String uri = request.getRequestURI();
            int start = request.getContextPath().length() + PREFIX.length();
            if (!uri.endsWith(SUFFIX)
                    || uri.length() <= start + SUFFIX.length()
                    || !uri.startsWith(PREFIX, start - PREFIX.length())) {
                return null;
            }
            String code = uri.substring(start, uri.length() - SUFFIX.length());
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                // encoded, path parameters, more segments: the controller's decoding and matching decide
                if (c == '/' || c == '%' || c == ';' || c == '\\') {
                    return null;
                }
            }
            return code;
        }

        /** As the controller's {@code List<String>} parameter reads one value: split at commas, each trimmed. */
        static List<String> split(String value) {
            String[] parts = StringUtils.commaDelimitedListToStringArray(value);
            List<String> out = new ArrayList<>(parts.length);
            for (String p : parts) {
                out.add(p.trim());
            }
            return out;
        }

        /** A strong tag of the bytes: 64-bit FNV-1a, quoted. */
        static String etag(byte[] body) {
            long h = 0xcbf29ce484222325L;
            for (byte b : body) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            return "\"" + Long.toHexString(h) + "-" + Integer.toHexString(body.length) + "\"";
        }

        /** {@code If-None-Match}: "*", or a list of tags one of which is ours (weak comparison, as RFC 9110 asks). */
        static boolean matches(String ifNoneMatch, String etag) {
            String h = ifNoneMatch.trim();
            if (h.equals("*")) {
                return true;
            }
            for (String t : h.split(",")) {
                String tag = t.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
    }
}
