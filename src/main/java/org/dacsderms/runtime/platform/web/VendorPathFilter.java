package org.dacsderms.runtime.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dacsderms.runtime.platform.Flow;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves each flow under the paths the vendor package used as well, so that a DERMS or DACS configured with those URLs
 * only needs its host changed (contract flows.md, "Endpoints"): {@code .../v2/flows/oracleutilities/project/
 * OUTL-BA-DACS_DERMS/{id}/1.0/{resource}}, {@code .../v1/flows/oracleutilities/{id}/1.0/{resource}} and
 * {@code .../v1/flows/rest/{id}/1.0/{resource}}. The request is forwarded to the flow's short path after
 * authentication; an identifier and resource that do not belong together are not served.
 */
public class VendorPathFilter extends OncePerRequestFilter {

    private static final Pattern VENDOR_PATH = Pattern.compile("/ic/api/integration/(?:"
            + "v2/flows/oracleutilities/project/OUTL-BA-DACS_DERMS|v1/flows/oracleutilities|v1/flows/rest)"
            + "/([A-Za-z0-9_-]+)/1\\.0/([A-Za-z0-9_-]+)/?");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Flow> flow = flowOf(request.getRequestURI());
        if (flow.isPresent()) {
            request.getRequestDispatcher(flow.get().path()).forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The flow a vendor path serves, if the path is one. */
    public static Optional<Flow> flowOf(String uri) {
        Matcher matcher = VENDOR_PATH.matcher(uri);
        return matcher.matches() ? Flow.byVendorPath(matcher.group(1), matcher.group(2)) : Optional.empty();
    }
}
