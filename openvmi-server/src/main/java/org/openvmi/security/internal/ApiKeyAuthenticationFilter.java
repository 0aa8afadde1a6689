package org.openvmi.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.openvmi.security.OpenVmiUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests carrying {@code X-API-Key} by the SHA-256 of the key: one indexed lookup, or none while the
 * owner is cached ({@link ApiKeyOwners}).
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiKeyOwners owners;
    private final Clock clock;
    private final AuthenticationEntryPoint entryPoint;
    private final org.springframework.security.web.access.AccessDeniedHandler denied;

    public ApiKeyAuthenticationFilter(
            ApiKeyOwners owners,
            Clock clock,
            AuthenticationEntryPoint entryPoint,
            org.springframework.security.web.access.AccessDeniedHandler denied) {
        this.owners = owners;
        this.clock = clock;
        this.entryPoint = entryPoint;
        this.denied = denied;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        // the lookup reads the owner's enabled flag and lock (login throttling) with the key: no second query
        UserRepository.KeyOwner owner =
                owners.find(ApiKeyHashes.sha256(key.trim()), clock.instant()).orElse(null);
        OpenVmiUser user = owner == null ? null : owner.user();
        if (user == null || !user.isEnabled() || !user.isAccountNonLocked()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(
                    request,
                    response,
                    user == null
                            ? new BadCredentialsException("Unknown or revoked API key")
                            : !user.isEnabled()
                                    ? new DisabledException("The account of this API key is disabled")
                                    : new LockedException(
                                            "The account of this API key is locked after failed logins; try again later"));
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!ApiKeyScopeRules.permits(owner.scopes(), request.getMethod(), path)) {
            SecurityContextHolder.clearContext();
            denied.handle(
                    request,
                    response,
                    new org.springframework.security.access.AccessDeniedException(
                            "The API key's scopes do not allow " + request.getMethod() + " " + path));
            return;
        }
        OpenVmiUser principal = user.withoutPassword();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
