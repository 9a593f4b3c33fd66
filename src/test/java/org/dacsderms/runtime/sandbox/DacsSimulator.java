package org.dacsderms.runtime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DACS simulator: the endpoints of contract flows.md ("Outbound to DACS") below base path {@code /sandbox/dacs}.
 * PeerSimulator dacs = EventFileSimulation.addToDacs(new PeerSimulator("DACS", BASE_PATH, username, password))
 */
public final class DacsSimulator {

    public static final String BASE_PATH = "/sandbox/dacs";

    private DacsSimulator() {}

    public static PeerSimulator create(String username, String password) {
        AtomicLong enrollmentIds = new AtomicLong(300012345678L);
        PeerSimulator dacs = EventFileSimulation.addToDacs(new PeerSimulator("DACS", BASE_PATH, username, password))
                .on(
                        "health",
                        "GET",
                        "/ouaf/rest/apis/common/system/healthCheck",
                        call -> SimResponse.json(200, "{\"status\":\"OK\"}"))
                .on(
                        "enroll",
                        "POST",
                        "/ccs/rest/apis/cross/digitalAssets/programEnrollments/enroll",
                        call -> enroll(call, enrollmentIds));
        return DacsSyncEndpoints.addTo(dacs);
    }

    /** PENDING with a new enrollment id; VAL-ERROR for ids told so; problem 10589 for ids already enrolled. */
    private static SimResponse enroll(PeerSimulator.SimCall call, AtomicLong enrollmentIds) {
        JsonNode body = read(call);
        String transactionId = body.path("transactionId").asText("");
        if (transactionId.isEmpty()) {
            return problem(400, "transactionId is required", 11108, 10001);
        }
        if (call.behaviour().alreadyEnrolledFor().contains(transactionId)) {
            return problem(400, "The enrollment already exists", 11108, 10589);
        }
        if (call.behaviour().businessErrorFor().contains(transactionId)) {
            return SimResponse.json(
                    200,
                    "{\"status\":\"VAL-ERROR\",\"messageNumber\":12345,"
                            + "\"messageText\":\"Service agreement is not eligible for the program\"}");
        }
        return SimResponse.json(
                200, "{\"enrollmentId\":\"" + enrollmentIds.getAndIncrement() + "\",\"status\":\"PENDING\"}");
    }

    static SimResponse problem(int status, String detail, int category, int number) {
        return SimResponse.json(
                status,
                "{\"problemDetailDocument\":{\"httpStatus\":" + status + ",\"detail\":\"" + detail
                        + "\",\"messageCategory\":" + category + ",\"messageNumber\":" + number + "}}");
    }

    static JsonNode read(PeerSimulator.SimCall call) {
        try {
            return call.json().readTree(call.request().body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
