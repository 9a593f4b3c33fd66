package org.dacsderms.runtime.platform.web;

/** The caller sent something the flow cannot take; answered with 400 and the message, which names the defect. */
public class InvalidPayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public InvalidPayloadException(String message) {
        this("INVALID_PAYLOAD", message);
    }

    public InvalidPayloadException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
