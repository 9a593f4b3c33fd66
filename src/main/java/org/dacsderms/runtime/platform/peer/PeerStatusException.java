package org.dacsderms.runtime.platform.peer;

/** DACS or DERMS answered, but not with what the flow needs (an error status, an unreadable body). */
public class PeerStatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PeerStatusException(String message) {
        super(message);
    }

    /** "DERMS nms1 answered HTTP 503 to /enroll". */
    public static PeerStatusException answered(PeerClient peer, int status, String path) {
        return new PeerStatusException(peer.name() + " answered HTTP " + status + " to " + path);
    }
}
