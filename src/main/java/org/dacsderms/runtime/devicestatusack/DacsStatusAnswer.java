package org.dacsderms.runtime.devicestatusack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads what DACS answers to a status response: {@code {"boStatus": "SUCCESS", "communicationId": "CDS-000123"}}
 * (contract messages.md section 5; shape our choice).
 */
record DacsStatusAnswer(String boStatus, String communicationId) {

    static Optional<DacsStatusAnswer> read(String body, ObjectMapper json) {
        try {
            JsonNode answer = body == null || body.isBlank() ? null : json.readTree(body);
            if (answer == null || !answer.hasNonNull("boStatus")) {
                return Optional.empty();
            }
            return Optional.of(new DacsStatusAnswer(
                    answer.get("boStatus").asText(),
                    answer.path("communicationId").asText(null)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
