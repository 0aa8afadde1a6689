package org.openvmi.security.internal;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Response headers of every page and API answer (Spring Security adds X-Content-Type-Options: nosniff, X-Frame-Options
 * and the cache headers by default; these are the rest).
 * <ul>
 *   <li>Scripts only from our own origin: htmx, ECharts and Swagger UI come from WebJars, the pages carry no inline
 *       script or event handler (data travels in {@code <script type="application/json">} blocks, behaviour in
 *       /js/*.js), so an injected {@code <script>} or {@code onerror=} does not run.</li>
 *   <li>Inline styles stay allowed: ECharts builds its tooltips as HTML with style attributes, htmx adds its indicator
 *       style, Swagger UI sets styles the same way; styles cannot run code.</li>
 *   <li>{@code data:} images for Swagger UI's icons; {@code frame-ancestors 'none'}: no page can be framed
 *       (click-jacking).</li>
 * </ul>
 */
final class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** JSON and problem+json never load anything. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
        return with(PAGE_POLICY);
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> api() {
        return with(API_POLICY);
    }

    private static Customizer<HeadersConfigurer<HttpSecurity>> with(String policy) {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults());
    }
}
