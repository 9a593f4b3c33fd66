package org.dacsderms.runtime.eventfile;

import java.nio.file.Path;

/** An accepted upload: its message, where its CSV file is staged, and how many runs over it have started. */
public record StagedFile(
        String trackingId,
        EventFileKind kind,
        EventFileMessage message,
        String fileName,
        Path path,
        long size,
        int attempts) {}
