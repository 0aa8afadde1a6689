package org.openvmi.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openvmi.shared.IdempotencyKeys;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an {@code Idempotency-Key} header on every API request before any controller runs, so each endpoint that
 * reads it (movements, transfers, reservations, counts, consignment, shipments) refuses an unusable key alike, with a
 * 400 naming the header, before it looks at the body. The use cases check it again ({@link IdempotencyKeys}) for
 * callers that are not HTTP requests.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyCheck implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        IdempotencyKeys.normalise(request.getHeader(IdempotencyKeys.HEADER));
                        return true;
                    }
                })
                .addPathPatterns("/api/**");
    }
}
