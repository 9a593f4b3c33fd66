package org.dacsderms.runtime.enrollmentsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the MsgAck DERMS answers to {@code /enroll} (contract messages.md section 2). Every response entry that is
 * not SUCCESS is one DERMS error: its {@code responseCode} as the code and its {@code value} as the text (our choice;
 * the contract names no error code field in a MsgAck). A body without an {@code ackType} is no answer at all.
 */
final class DermsSyncAnswer {

    private DermsSyncAnswer() {}

    static Optional<SyncAckRequest> read(String syncRequestId, String body, ObjectMapper json) {
        JsonNode ack = parse(body, json).path("MsgAck");
        String ackType = ack.path("ackType").asText("");
        if (ackType.isEmpty()) {
            return Optional.empty();
        }
        List<SyncAckRequest.Error> errors = new ArrayList<>();
        JsonNode responses = ack.path("responses").path("response");
        for (JsonNode response : responses.isArray() ? responses : List.of(responses)) {
            String code = response.path("responseCode").asText("");
            if (!code.isEmpty() && !"SUCCESS".equals(code)) {
                errors.add(new SyncAckRequest.Error(code, response.path("value").asText(null)));
            }
        }
        return Optional.of(new SyncAckRequest(syncRequestId, ackType, errors));
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
