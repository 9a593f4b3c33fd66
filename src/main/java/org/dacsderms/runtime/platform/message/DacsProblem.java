package org.dacsderms.runtime.platform.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * How DACS reports a rejected call (contract messages.md section 0): {@code {"problemDetailDocument": {"httpStatus",
 * "detail", "messageCategory", "messageNumber"}}}.
 *
 * @param detail the text DACS gives, or null
 * @param messageNumber the DACS message number, or 0 when absent
 */
public record DacsProblem(String detail, int messageNumber) {

    /** The problem document of an answer body, if it holds one. */
    public static Optional<DacsProblem> read(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode problem = json.readTree(body).get("problemDetailDocument");
            if (problem == null || !problem.isObject()) {
                return Optional.empty();
            }
            String detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
            return Optional.of(
                    new DacsProblem(detail, problem.path("messageNumber").asInt()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
