package org.dacsderms.runtime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The endpoints of the event file flows (contract flows.md sections 6 and 8) on the DACS and DERMS simulators.
 * DACS: {@code reserveDevice} and {@code postEventOutcome}; a call holding a {@code nicId} listed in the behaviour's
 * {@code businessErrorFor} is refused with a problem document (HTTP 400), which fails exactly the segment holding that
 * device. DERMS: {@code event-reservation-ack} and {@code event-outcome-ack}, answering 200.
 */
public final class EventFileSimulation {

    private EventFileSimulation() {}

    public static PeerSimulator addToDacs(PeerSimulator dacs) {
        AtomicLong records = new AtomicLong();
        return dacs.on(
                        "reserveDevice",
                        "POST",
                        "/ccs/rest/apis/cross/service/programEventParticipation/reserveDevice",
                        call -> take(call, "deviceList", records))
                .on(
                        "postEventOutcome",
                        "POST",
                        "/ccs/rest/apis/cross/service/programEventParticipation/postEventOutcome",
                        call -> take(call, "postOutcomeList", records));
    }

    public static PeerSimulator addToDerms(PeerSimulator derms) {
        return derms.on("event-reservation-ack", "POST", "/event-reservation-ack", EventFileSimulation::ack)
                .on("event-outcome-ack", "POST", "/event-outcome-ack", EventFileSimulation::ack);
    }

    private static SimResponse take(PeerSimulator.SimCall call, String list, AtomicLong records) {
        JsonNode items = DacsSimulator.read(call).path(list);
        if (!items.isArray() || items.isEmpty()) {
            return DacsSimulator.problem(400, list + " is required", 11108, 10001);
        }
        for (JsonNode item : items) {
            if (call.behaviour().businessErrorFor().contains(item.path("nicId").asText())) {
                return DacsSimulator.problem(
                        400, "device " + item.path("nicId").asText() + " is unknown", 11108, 10620);
            }
        }
        long total = records.addAndGet(items.size());
        return SimResponse.json(200, "{\"status\":\"OK\",\"received\":" + items.size() + ",\"total\":" + total + "}");
    }

    private static SimResponse ack(PeerSimulator.SimCall call) {
        DacsSimulator.read(call);
        return SimResponse.json(200, "{\"status\":\"RECEIVED\"}");
    }
}
