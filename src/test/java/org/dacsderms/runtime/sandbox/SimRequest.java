package org.dacsderms.runtime.sandbox;

import java.time.Instant;
import java.util.Map;

/** One request a simulator received, as kept in its journal. */
public record SimRequest(
        String endpoint,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String body,
        Instant receivedAt) {}
