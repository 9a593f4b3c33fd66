package org.dacsderms.runtime.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an inbound JSON body into a flow's message type, strictly: a number or a boolean where the contract has text,
 * a fraction where it has a whole number, or anything after the JSON document is refused, not guessed at. A body that
 * cannot be read is a 400 naming where.
 */
public final class JsonBodies {

    private static volatile Strict strict;

    private JsonBodies() {}

    /**
     * @param what the message named in the error, "a device status check" say
     * @throws InvalidPayloadException when the body is empty or not JSON of that shape
     */
    public static <T> T read(ObjectMapper json, String body, Class<T> type, String what) {
        if (body == null || body.isBlank()) {
            throw new InvalidPayloadException("the body is empty; " + what + " is expected");
        }
        try {
            T value = strict(json).readValue(body, type);
            if (value == null) {
                throw new InvalidPayloadException("the body is null; " + what + " is expected");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("the body is not valid JSON for " + what + field(e) + where(e));
        }
    }

    /**
     * Reads the body, then applies the flow's rules to it: every defect the rules find is named in one 400.
     *
     * @param defectsOf the flow's validator; an empty list means the message may be sent on
     */
    public static <T> T readValid(
            ObjectMapper json, String body, Class<T> type, String what, Function<T, List<String>> defectsOf) {
        T value = read(json, body, type, what);
        List<String> defects = defectsOf.apply(value);
        if (!defects.isEmpty()) {
            throw new InvalidPayloadException(String.join("; ", defects));
        }
        return value;
    }

    private static String field(JsonProcessingException e) {
        // A body cut short also ends in a mapping error with a path; only a value of the wrong kind names a field.
        if (!(e instanceof MismatchedInputException mapping)
                || mapping.getPath().isEmpty()
                || String.valueOf(mapping.getOriginalMessage()).contains("end-of-input")) {
            return "";
        }
        String path = mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .substring(1);
        return ": " + path + " has the wrong type";
    }

    private static String where(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static ObjectMapper strict(ObjectMapper json) {
        Strict current = strict;
        if (current == null || current.source() != json) {
            ObjectMapper copy = json.copy()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            copy.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            current = new Strict(json, copy);
            strict = current;
        }
        return current.mapper();
    }

    private record Strict(ObjectMapper source, ObjectMapper mapper) {}
}
