package org.dacsderms.runtime.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dacsderms.runtime.platform.web.ApiError;
import org.dacsderms.runtime.platform.web.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers an unauthenticated call with 401, a Basic challenge and the JSON error body of the contract. */
class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(JsonAuthenticationEntryPoint.class);

    private final ApiErrors errors;

    JsonAuthenticationEntryPoint(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String trackingId = UUID.randomUUID().toString();
        LOG.info(
                "Refused {} {} without valid credentials, tracking id {}",
                request.getMethod(),
                request.getRequestURI(),
                trackingId);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"dacs-derms-runtime\", charset=\"UTF-8\"");
        response.setHeader("X-Tracking-Id", trackingId);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(errors.write(
                        new ApiError("UNAUTHORIZED", "valid HTTP Basic credentials are required", trackingId)));
    }
}
