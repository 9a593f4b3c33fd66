package org.dacsderms.runtime.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.dacsderms.runtime.platform.message.MsgAck.AckType;
import org.dacsderms.runtime.platform.peer.PeerResponse;

/**
 * Reads DACS's answer to one enroll call (contract messages.md section 1). A 200 with an enrollment id is mapped
 * through the EnrollmentStatus lookup; a 200 with status VAL-ERROR or ERROR, or a 400 problem document, is a business
 * error owned by DACS, except message 10589 (already enrolled), which counts as success. Anything else is technical.
 */
final class DacsEnrollAnswer {

    static final int ALREADY_ENROLLED = 10589;

    private DacsEnrollAnswer() {}

    /** The response code and value of one answer, and whether it was a technical fault. */
    record Verdict(AckType code, String value, boolean technical) {}

    static Verdict read(PeerResponse response, ObjectMapper json, LookupTables lookups) {
        if (response.status() == 200) {
            return readOk(response.body(), json, lookups);
        }
        if (response.status() == 400) {
            return readProblem(response.body(), json);
        }
        return technical("DACS answered HTTP " + response.status());
    }

    static Verdict technical(String text) {
        return new Verdict(AckType.FAILURE, text, true);
    }

    private static Verdict readOk(String body, ObjectMapper json, LookupTables lookups) {
        JsonNode answer = parse(body, json);
        if (answer == null || !answer.hasNonNull("status")) {
            return technical("DACS answered HTTP 200 without an enrollment status");
        }
        String status = answer.get("status").asText();
        String enrollmentId =
                answer.hasNonNull("enrollmentId") ? answer.get("enrollmentId").asText() : null;
        String mapped = lookups.get("EnrollmentStatus", status);
        AckType code;
        try {
            code = AckType.valueOf(mapped.trim());
        } catch (IllegalArgumentException e) {
            return new Verdict(
                    AckType.ERROR,
                    (enrollmentId == null ? "" : "enrollment " + enrollmentId + " created in DACS, but ") + "lookup "
                            + LookupTables.TABLE_PREFIX + "EnrollmentStatus maps '"
                            + status + "' to '" + mapped + "', which is not SUCCESS, ERROR or FAILURE",
                    false);
        }
        if (enrollmentId != null && code == AckType.SUCCESS) {
            return new Verdict(code, enrollmentId, false);
        }
        return new Verdict(code, messageText(answer, status), false);
    }

    private static Verdict readProblem(String body, ObjectMapper json) {
        JsonNode answer = parse(body, json);
        JsonNode problem = answer == null ? null : answer.get("problemDetailDocument");
        if (problem == null) {
            return new Verdict(AckType.ERROR, "DACS refused the enrollment (HTTP 400)", false);
        }
        String detail = problem.path("detail").asText("DACS refused the enrollment");
        if (problem.path("messageNumber").asInt() == ALREADY_ENROLLED) {
            return new Verdict(AckType.SUCCESS, detail, false);
        }
        return new Verdict(AckType.ERROR, detail, false);
    }

    private static String messageText(JsonNode answer, String status) {
        if (answer.hasNonNull("messageText")) {
            return answer.get("messageText").asText();
        }
        return "DACS status " + status
                + (answer.hasNonNull("messageNumber")
                        ? ", message " + answer.get("messageNumber").asText()
                        : "");
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
