package org.dacsderms.runtime.platform.peer;

/** What DACS or DERMS answered: the HTTP status and the body as text. */
public record PeerResponse(int status, String body) {

    public boolean isOk() {
        return status >= 200 && status < 300;
    }
}
