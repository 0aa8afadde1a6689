package org.openvmi.security.internal;

import java.time.Clock;
import org.openvmi.security.Role;
import org.openvmi.security.SecurityProperties;
import org.openvmi.shared.web.ApiProblems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String API = "/api/v1";

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: with actuator's
     * registry present, Spring Security wrapped every one of the ~15 filters of every request in an observation of
     * its own (ADR 0067), and nothing here reads them. {@code http.server.requests} still times each request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The REST API: stateless, HTTP Basic or X-API-Key, errors as problem+json, no CSRF (no cookies), no session
     * management (ADR 0087: nothing of a session is read or written, so its two filters went). No logout filter
     * (there is no session to end: it only compared every request with {@code /logout}) and no request cache filter
     * (a stateless chain never saves a request to replay; the 401 path stays on the {@code NullRequestCache} the
     * stateless policy sets): two filters fewer on every API request (issue 19 part 4). No servlet API wrapper
     * either ({@code SecurityContextHolderAwareRequestFilter}, ADR 0081): no API controller reads the caller through
     * {@code HttpServletRequest.getUserPrincipal}/{@code isUserInRole} (they take {@code @AuthenticationPrincipal} or
     * the security context), and the wrapper sat under every header and attribute read of the request.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeyOwners owners, Clock clock, JsonMapper json)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"OpenVMI\"");
            write(
                    json,
                    response,
                    ApiProblems.of(
                            HttpStatus.UNAUTHORIZED,
                            "Authentication required: HTTP Basic or X-API-Key (" + e.getMessage() + ")"));
        };
        AccessDeniedHandler denied = (request, response, e) -> write(
                json,
                response,
                ApiProblems.of(
                        HttpStatus.FORBIDDEN,
                        "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()));
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.api())
                // no session at all (ADR 0087): the context lives for the request only (a request attribute, as the
                // stateless policy had it), and without session management there is no SessionManagementFilter (it
                // checked every authenticated request against a repository that never holds anything) and no
                // DisableEncodeUrlFilter (no session id to leave out of URLs: the API writes none)
                .sessionManagement(s -> s.disable())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servlet -> servlet.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(owners, clock, entryPoint, denied),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    AccessRules.RULES.forEach(rule -> apply(auth, API, rule));
                    auth.anyRequest().denyAll();
                });
        // a refused request saves nothing to replay: the stateless policy set this cache, now set here (without it
        // the exception translation would fall back to a session-backed cache and open a session on every 401)
        http.setSharedObject(RequestCache.class, new NullRequestCache());
        return http.build();
    }

    /** The web UI: form login with a session, CSRF on every form. */
    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http) throws Exception {
        http.headers(SecurityHeaders.pages())
                .formLogin(form ->
                        form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(
                                    "/webjars/**",
                                    "/css/**",
                                    "/js/**",
                                    "/img/**",
                                    "/favicon.ico",
                                    "/error",
                                    "/actuator/health/**",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**")
                            .permitAll();
                    // the one-time link of a supplier invitation: its token is the credential (supplier portal)
                    auth.requestMatchers("/invitations/*").permitAll();
                    // the login page with any query (?lang=en): formLogin's permitAll matches "/login" only exactly,
                    // query included, so the language switch was sent back to the login page, saved, and replayed
                    // after signing in as a request nobody may make (403)
                    auth.requestMatchers(HttpMethod.GET, "/login").permitAll();
                    auth.requestMatchers("/", "/account/**").authenticated();
                    AccessRules.RULES.forEach(rule -> apply(auth, "", rule));
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }

    private static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            String prefix,
            AccessRules.Rule rule) {
        var matcher = rule.method() == null
                ? auth.requestMatchers(prefix + rule.path())
                : auth.requestMatchers(rule.method(), prefix + rule.path());
        if (rule.roles().isEmpty()) {
            matcher.authenticated();
        } else {
            matcher.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
        }
    }

    private static void write(
            JsonMapper json, jakarta.servlet.http.HttpServletResponse response, ResponseEntity<ProblemDetail> problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem.getBody());
    }
}
