package org.dacsderms.runtime.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.dacsderms.runtime.platform.Flow;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Answers 503 with the contract's error body while an operator has stopped a flow's route in the console, so the
 * caller learns to resend later instead of getting an empty 500; nothing of the call is taken.
 */
public class StoppedFlowFilter extends OncePerRequestFilter {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final CamelContext camel;
    private final ApiErrors errors;

    public StoppedFlowFilter(CamelContext camel, ApiErrors errors) {
        this.camel = camel;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PATHS.getPathWithinApplication(request);
        Optional<Flow> flow = Flow.byPath(path).or(() -> VendorPathFilter.flowOf(path));
        if (flow.isEmpty() || isStarted(flow.get())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "60");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(errors.write(new ApiError(
                        "FLOW_STOPPED",
                        "the flow " + flow.get().routeId() + " is stopped; send it again later",
                        UUID.randomUUID().toString())));
    }

    private boolean isStarted(Flow flow) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(flow.routeId());
        return status == null || status.isStarted();
    }
}
