package org.dacsderms.runtime.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.dacsderms.runtime.platform.web.ApiError;
import org.dacsderms.runtime.platform.web.ApiErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests a browser sends on behalf of another site. Browsers attach remembered Basic credentials to
 * cross-site requests, so without this a page elsewhere could post enrollments or drive the console. Browsers mark
 * such requests with an {@code Origin} header; machine clients (DERMS, DACS, curl) send none and are not affected.
 */
class SameOriginFilter extends OncePerRequestFilter {

    private final ApiErrors errors;

    SameOriginFilter(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null || sameOrigin(origin, request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getWriter()
                .write(errors.write(new ApiError(
                        "CROSS_ORIGIN",
                        "requests from another origin are not accepted",
                        UUID.randomUUID().toString())));
    }

    static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
            return request.getScheme().equalsIgnoreCase(uri.getScheme())
                    && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
