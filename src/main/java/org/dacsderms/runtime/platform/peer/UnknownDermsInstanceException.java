package org.dacsderms.runtime.platform.peer;

/** The Routing lookup or the configuration does not know where to send a DERMS call. */
public class UnknownDermsInstanceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownDermsInstanceException(String message) {
        super(message);
    }
}
