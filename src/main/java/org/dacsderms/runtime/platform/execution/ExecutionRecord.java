package org.dacsderms.runtime.platform.execution;

import java.time.OffsetDateTime;

/** One row of the execution table: what one run of a flow did. */
public record ExecutionRecord(
        String trackingId,
        String flow,
        String vendorId,
        String businessIds,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        ExecutionStatus status,
        Integer recordCount,
        Integer successCount,
        Integer errorCount,
        String error) {}
