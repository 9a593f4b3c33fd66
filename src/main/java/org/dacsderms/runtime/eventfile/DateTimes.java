package org.dacsderms.runtime.eventfile;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** ISO-8601 date-times from DERMS, written as UTC instants for DACS; a missing zone means UTC (spec README). */
final class DateTimes {

    private DateTimes() {}

    /** The value as a UTC instant text, or null when it is blank; a value that is not a date-time is refused. */
    static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).toInstant().toString();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException e) {
                throw new RowRejectedException(field + " '" + clip(text) + "' is not an ISO-8601 date-time");
            }
        }
    }

    static String required(String field, String value) {
        String instant = optional(field, value);
        if (instant == null) {
            throw new RowRejectedException(field + " is missing");
        }
        return instant;
    }

    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
