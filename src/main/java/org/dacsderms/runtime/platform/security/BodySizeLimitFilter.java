package org.dacsderms.runtime.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dacsderms.runtime.platform.web.ApiError;
import org.dacsderms.runtime.platform.web.ApiErrors;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON request body larger than {@code inbound.max-body-size} with 413 before anything reads it. Multipart
 * uploads are bounded by the file flows' own limits and pass through here.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ApiErrors errors;

    BodySizeLimitFilter(long maxBytes, ApiErrors errors) {
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) || request.getContentLengthLong() <= maxBytes) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = "the request body is larger than " + maxBytes + " bytes";
        response.getWriter()
                .write(errors.write(new ApiError(
                        "PAYLOAD_TOO_LARGE", message, UUID.randomUUID().toString())));
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }
}
