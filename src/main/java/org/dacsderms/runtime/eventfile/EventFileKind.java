package org.dacsderms.runtime.eventfile;

import java.util.List;
import org.dacsderms.runtime.platform.Flow;

/**
 * The two file flows of the contract (flows.md sections 6 and 8): which DACS call a segment becomes, which DERMS path
 * is acknowledged, and the CSV columns the file must have (messages.md sections 6 and 8).
 */
public enum EventFileKind {
    RESERVATION(
            Flow.EVENT_DEVICE_RESERVATION,
            "/ccs/rest/apis/cross/service/programEventParticipation/reserveDevice",
            "/event-reservation-ack",
            List.of("recordId", "nicId", "headEndSystemId", "reservationStartDateTime", "reservationEndDateTime")),
    OUTCOME(
            Flow.EVENT_OUTCOME,
            "/ccs/rest/apis/cross/service/programEventParticipation/postEventOutcome",
            "/event-outcome-ack",
            List.of(
                    "recordId",
                    "eventId",
                    "nicId",
                    "headEndSystemId",
                    "outcome",
                    "participationStartDateTime",
                    "participationEndDateTime",
                    "errorMessage"));

    private final Flow flow;
    private final String dacsPath;
    private final String ackPath;
    private final List<String> columns;

    EventFileKind(Flow flow, String dacsPath, String ackPath, List<String> columns) {
        this.flow = flow;
        this.dacsPath = dacsPath;
        this.ackPath = ackPath;
        this.columns = columns;
    }

    public Flow flow() {
        return flow;
    }

    public String dacsPath() {
        return dacsPath;
    }

    public String ackPath() {
        return ackPath;
    }

    public List<String> columns() {
        return columns;
    }

    public static EventFileKind of(Flow flow) {
        return flow == Flow.EVENT_OUTCOME ? OUTCOME : RESERVATION;
    }
}
