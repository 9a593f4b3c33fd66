package org.dacsderms.runtime.eventfile;

/** A CSV row cannot be mapped to the DACS shape; the message is the reason given to DERMS. */
public class RowRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RowRejectedException(String reason) {
        super(reason);
    }
}
