package org.dacsderms.runtime.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.dacsderms.runtime.platform.Flow;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.web.ApiError;
import org.dacsderms.runtime.platform.web.ApiErrors;
import org.dacsderms.runtime.platform.web.VendorPathFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Takes the body of a call to a JSON flow before the flow sees it: it must say it is JSON, be UTF-8 and fit in
 * {@code inbound.max-body-size}, whether its length is declared or it comes chunked. A refused call is answered 415,
 * 400 or 413 with the JSON error of the contract and recorded as a REJECTED execution of the flow; nothing of it is
 * logged. Other requests pass through, with a declared length over the limit refused.
 */
class JsonBodyFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(JsonBodyFilter.class);
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final long maxBytes;
    private final ApiErrors errors;
    private final ExecutionRecords records;

    JsonBodyFilter(long maxBytes, ApiErrors errors, ExecutionRecords records) {
        this.maxBytes = maxBytes;
        this.errors = errors;
        this.records = records;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Flow> flow = jsonFlow(request);
        if (flow.isEmpty()) {
            if (!isMultipart(request) && request.getContentLengthLong() > maxBytes) {
                refuse(response, null, 413, "PAYLOAD_TOO_LARGE", tooLarge());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String problem = contentTypeProblem(request.getContentType());
        if (problem != null) {
            refuse(response, flow.get(), 415, "UNSUPPORTED_MEDIA_TYPE", problem);
            return;
        }
        byte[] body = readBounded(request);
        if (body == null) {
            refuse(response, flow.get(), 413, "PAYLOAD_TOO_LARGE", tooLarge());
            return;
        }
        if (!isUtf8(body)) {
            refuse(response, flow.get(), 400, "INVALID_PAYLOAD", "the body is not UTF-8");
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static Optional<Flow> jsonFlow(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        // The decoded path, as the request is routed by it: /enroll%2Dto-dacs reaches the same flow.
        String path = PATHS.getPathWithinApplication(request);
        return Flow.byPath(path).or(() -> VendorPathFilter.flowOf(path)).filter(Flow::takesJson);
    }

    static String contentTypeProblem(String contentType) {
        if (contentType == null) {
            return "the body must be sent as application/json";
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].trim();
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            return "the body must be sent as application/json, not " + type;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                return "the body must be UTF-8, not " + parameter.substring("charset=".length());
            }
        }
        return null;
    }

    /** The whole body, or null when it is longer than the limit (a declared length is checked before reading). */
    private byte[] readBounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return body.length > maxBytes ? null : body;
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void refuse(HttpServletResponse response, Flow flow, int status, String code, String message)
            throws IOException {
        String trackingId = UUID.randomUUID().toString();
        if (flow != null) {
            LOG.info("Refused a call to {} with {}: {}, tracking id {}", flow.routeId(), status, message, trackingId);
            try {
                records.rejected(flow, trackingId, message);
            } catch (DataAccessException e) {
                LOG.warn("Cannot record the refused call {} (ignored)", trackingId, e);
            }
        }
        response.setStatus(status);
        response.setHeader("X-Tracking-Id", trackingId);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(errors.write(new ApiError(code, message, trackingId)));
    }

    private String tooLarge() {
        return "the request body is larger than " + maxBytes + " bytes";
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The request with its body already read, served again to whoever reads it next. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }
    }
}
