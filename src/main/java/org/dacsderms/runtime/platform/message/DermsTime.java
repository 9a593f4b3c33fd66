package org.dacsderms.runtime.platform.message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps sent to DERMS: UTC with milliseconds, {@code 2026-06-01T17:05:09.000Z}. */
public final class DermsTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DermsTime() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
