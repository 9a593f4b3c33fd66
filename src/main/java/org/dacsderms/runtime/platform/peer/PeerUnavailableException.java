package org.dacsderms.runtime.platform.peer;

/** DACS or DERMS gave no HTTP answer: the connection was refused or reset, or the answer did not come in time. */
public class PeerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no answer came; a refused connection means the peer is down, so callers may stop trying. */
    public enum Reason {
        REFUSED,
        TIMEOUT,
        IO
    }

    private final Reason reason;

    public PeerUnavailableException(String peer, Reason reason, Throwable cause) {
        super(peer + " did not answer: " + describe(reason), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case REFUSED -> "connection refused";
            case TIMEOUT -> "timed out";
            case IO -> "connection failed";
        };
    }
}
