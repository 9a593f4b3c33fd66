package org.dacsderms.runtime.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Gives the answers Spring writes itself (an unknown path, a missing parameter, a method not allowed) the error body of
 * the contract, {@code {"code", "message", "trackingId"}}, instead of Spring's own shape. No exception text is shown.
 */
@Component
public class ContractErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object code = super.getErrorAttributes(request, ErrorAttributeOptions.defaults())
                .get("status");
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status.name());
        body.put("message", status.getReasonPhrase().toLowerCase(Locale.ROOT));
        body.put("trackingId", UUID.randomUUID().toString());
        return body;
    }
}
