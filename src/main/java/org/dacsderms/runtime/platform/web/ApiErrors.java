package org.dacsderms.runtime.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.springframework.stereotype.Component;

/** Turns a refused or failed exchange into the HTTP answer of the contract: a status and an {@link ApiError}. */
@Component("apiErrors")
public class ApiErrors {

    /** Longest message sent back; a long list of defects is cut, never the caller's whole input echoed. */
    private static final int MAX_MESSAGE = 1000;

    private final ObjectMapper json;

    public ApiErrors(ObjectMapper json) {
        this.json = json;
    }

    /** 400 for input the flow refused; the defect is named, nothing was sent on. */
    public void invalid(Exchange exchange) {
        InvalidPayloadException caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, InvalidPayloadException.class);
        String message = caught == null ? "the request is not valid" : caught.getMessage();
        exchange.setProperty(Execution.STATUS, ExecutionStatus.REJECTED);
        exchange.setProperty(Execution.ERROR, message);
        answer(exchange, 400, caught == null ? "INVALID_PAYLOAD" : caught.code(), message);
    }

    /** 500 for a technical fault; the caller is told to resend, the operator gets the details by e-mail. */
    public void failed(Exchange exchange) {
        exchange.setProperty(Execution.STATUS, ExecutionStatus.FAILURE);
        answer(exchange, 500, "TECHNICAL_FAULT", "the runtime could not complete the request; send it again later");
    }

    /** Writes an error answer with the given status; used by flows for their own documented faults. */
    public void answer(Exchange exchange, int status, String code, String message) {
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(write(new ApiError(code, message, exchange.getProperty(Execution.TRACKING_ID, String.class))));
    }

    public String write(ApiError error) {
        try {
            return json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }
}
