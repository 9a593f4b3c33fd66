package org.dacsderms.runtime.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an inbound JSON body into a flow's message type; a body that cannot be read is a 400 naming where. */
public final class JsonBodies {

    private JsonBodies() {}

    /**
     * @param what the message named in the error, "a device status check" say
     * @throws InvalidPayloadException when the body is empty or not JSON of that shape
     */
    public static <T> T read(ObjectMapper json, String body, Class<T> type, String what) {
        if (body == null || body.isBlank()) {
            throw new InvalidPayloadException("the body is empty; " + what + " is expected");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new InvalidPayloadException("the body is null; " + what + " is expected");
            }
            return value;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidPayloadException("the body is not valid JSON for " + what + where);
        }
    }
}
