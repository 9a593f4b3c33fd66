package org.dacsderms.runtime.sandbox;

/** What a simulated endpoint answers. */
public record SimResponse(int status, String contentType, String body) {

    public static SimResponse json(int status, String body) {
        return new SimResponse(status, "application/json", body);
    }
}
