package org.dacsderms.runtime.enrollmentsyncack;

import java.time.OffsetDateTime;

/**
 * One sync ack claimed for sending.
 *
 * @param originTrackingId the tracking id of the run that stored it (the sync, or DERMS's {@code /sendEnrollAck})
 * @param attempts how many times it was claimed, this claim included
 */
public record PendingSyncAck(
        String syncRequestId, String patchBody, String originTrackingId, OffsetDateTime dueAt, int attempts) {}
