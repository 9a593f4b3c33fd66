package org.dacsderms.runtime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The DACS endpoints of the sync, status check and pre-event cancel flows (contract flows.md "Outbound to DACS").
 * Endpoint names for {@code /__sim/behaviour}: {@code syncRequest}, {@code statusResponse},
 * {@code preEventCancellation}.
 *
 * <ul>
 *   <li>{@code syncRequest}: the first PATCH of a sync request answers 200; a later one answers 400 with message
 *       {@value #ALREADY_ACKNOWLEDGED} (already acknowledged). "Earlier" is read from the journal, so a reset forgets
 *       it.
 *   <li>{@code statusResponse}: {@code boStatus} SUCCESS, or ERROR for the transaction ids told so.
 *   <li>{@code preEventCancellation}: 200, or a 400 problem document for the event ids told so.
 * </ul>
 */
public final class DacsSyncEndpoints {

    /** DACS message number of "the sync request is already acknowledged" (our choice, as in ConfigProps). */
    public static final int ALREADY_ACKNOWLEDGED = 11250;

    private DacsSyncEndpoints() {}

    public static PeerSimulator addTo(PeerSimulator dacs) {
        return dacs.on(
                        "syncRequest",
                        "PATCH",
                        "/ouaf/rest/apis/common/sync/syncRequest/*",
                        call -> syncRequest(dacs, call))
                .on(
                        "statusResponse",
                        "POST",
                        "/ccs/rest/apis/cross/digitalAssets/controllableDeviceStatus/response",
                        DacsSyncEndpoints::statusResponse)
                .on(
                        "preEventCancellation",
                        "POST",
                        "/ccs/rest/apis/cross/service/programEventParticipation/preEventCancellation",
                        DacsSyncEndpoints::preEventCancellation);
    }

    private static SimResponse syncRequest(PeerSimulator dacs, PeerSimulator.SimCall call) {
        JsonNode body = DacsSimulator.read(call);
        if (!body.path("exceptionInfo").isArray()) {
            return DacsSimulator.problem(400, "exceptionInfo is required", 11108, 10001);
        }
        String path = call.request().path();
        long earlier = dacs.journal("syncRequest").stream()
                .filter(r -> r.path().equals(path)
                        && r.receivedAt().isBefore(call.request().receivedAt()))
                .count();
        if (earlier > 0) {
            return DacsSimulator.problem(
                    400, "Sync request " + call.pathTail() + " is already acknowledged", 11108, ALREADY_ACKNOWLEDGED);
        }
        return SimResponse.json(200, "{\"syncRequestId\":\"" + call.pathTail() + "\",\"status\":\"ACKNOWLEDGED\"}");
    }

    private static SimResponse statusResponse(PeerSimulator.SimCall call) {
        String transactionId =
                DacsSimulator.read(call).at("/responseDetail/transactionID").asText("");
        if (transactionId.isEmpty()) {
            return DacsSimulator.problem(400, "responseDetail.transactionID is required", 11108, 10001);
        }
        String status = call.behaviour().businessErrorFor().contains(transactionId) ? "ERROR" : "SUCCESS";
        return SimResponse.json(200, "{\"boStatus\":\"" + status + "\",\"communicationId\":\"" + transactionId + "\"}");
    }

    private static SimResponse preEventCancellation(PeerSimulator.SimCall call) {
        String eventId =
                DacsSimulator.read(call).path("eventExternalIdentifier").asText("");
        if (eventId.isEmpty()) {
            return DacsSimulator.problem(400, "eventExternalIdentifier is required", 11108, 10001);
        }
        if (call.behaviour().businessErrorFor().contains(eventId)) {
            return DacsSimulator.problem(400, "Event " + eventId + " has no reservations to cancel", 11108, 12001);
        }
        return SimResponse.json(200, "{\"eventExternalIdentifier\":\"" + eventId + "\",\"status\":\"CANCELLED\"}");
    }
}
