package org.dacsderms.runtime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The DERMS endpoints of the sync and status check flows (contract flows.md "Outbound to a DERMS instance").
 * Endpoint names for {@code /__sim/behaviour}: {@code enroll}, {@code statusCheck}.
 *
 * <ul>
 *   <li>{@code enroll}: a MsgAck SUCCESS, or ERROR with one error entry ("contactInfo.cisPersonId is missing") for
 *       the {@code dacsMessageId}s told so;
 *   <li>{@code statusCheck}: a MsgAck SUCCESS; 400 when {@code dacsMessageId} is missing.
 * </ul>
 */
public final class DermsSyncEndpoints {

    /** The text of the simulated DERMS rejection of a sync. */
    public static final String REJECTION = "contactInfo.cisPersonId is missing";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DermsSyncEndpoints() {}

    public static PeerSimulator addTo(PeerSimulator derms) {
        return derms.on("enroll", "POST", "/enroll", DermsSyncEndpoints::enroll)
                .on("statusCheck", "POST", "/status-check", DermsSyncEndpoints::statusCheck);
    }

    private static SimResponse enroll(PeerSimulator.SimCall call) {
        String id = read(call).path("dacsMessageId").asText("");
        if (id.isEmpty()) {
            return SimResponse.json(400, "{\"message\":\"dacsMessageId is required\"}");
        }
        if (call.behaviour().businessErrorFor().contains(id)) {
            return SimResponse.json(200, msgAck("ERROR", id, REJECTION));
        }
        return SimResponse.json(200, msgAck("SUCCESS", id, "enrollment synchronized"));
    }

    private static SimResponse statusCheck(PeerSimulator.SimCall call) {
        String id = read(call).path("dacsMessageId").asText("");
        if (id.isEmpty()) {
            return SimResponse.json(400, "{\"message\":\"dacsMessageId is required\"}");
        }
        return SimResponse.json(200, msgAck("SUCCESS", id, "status check requested"));
    }

    private static String msgAck(String code, String id, String value) {
        String when = WHEN.format(Instant.now());
        return "{\"MsgAck\":{\"ackType\":\"" + code + "\",\"whenISO\":\"" + when + "\",\"responses\":{\"response\":[{"
                + "\"id\":\"" + id + "\",\"value\":\"" + value + "\",\"responseCode\":\"" + code
                + "\",\"responseTimeISO\":\"" + when + "\",\"dacsMessageId\":\"" + id + "\"}]}}}";
    }

    private static JsonNode read(PeerSimulator.SimCall call) {
        try {
            return call.json().readTree(call.request().body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
