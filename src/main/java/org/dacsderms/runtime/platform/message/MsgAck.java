package org.dacsderms.runtime.platform.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The acknowledgment envelope DERMS understands: {@code {"MsgAck": {...}}}. */
public record MsgAck(@JsonProperty("MsgAck") Body msgAck) {

    public static MsgAck of(AckType ackType, String whenIso, List<Response> responses) {
        return new MsgAck(new Body(ackType, whenIso, new Responses(List.copyOf(responses))));
    }

    /** {@code SUCCESS}, {@code ERROR} (business errors) or {@code FAILURE} (technical faults). */
    public enum AckType {
        SUCCESS,
        ERROR,
        FAILURE;

        /** The worst of the entries: any FAILURE, else any ERROR, else SUCCESS. */
        public static AckType worstOf(List<Response> responses) {
            AckType worst = SUCCESS;
            for (Response response : responses) {
                if (response.responseCode() == FAILURE) {
                    return FAILURE;
                }
                if (response.responseCode() == ERROR) {
                    worst = ERROR;
                }
            }
            return worst;
        }
    }

    public record Body(AckType ackType, String whenISO, Responses responses) {}

    public record Responses(List<Response> response) {}

    public record Response(
            String id, String value, AckType responseCode, String responseTimeISO, String dacsMessageId) {}
}
