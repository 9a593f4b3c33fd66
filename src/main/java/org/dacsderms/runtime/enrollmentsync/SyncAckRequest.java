package org.dacsderms.runtime.enrollmentsync;

import java.util.List;

/**
 * What this flow hands to the Enrollment Sync Ack flow's entry point ({@code direct:enrollment-sync-ack-store}): the
 * message DERMS itself would post to {@code /sendEnrollAck} (contract messages.md section 3). The flows share this
 * JSON shape, not Java types.
 */
public record SyncAckRequest(String dacsMessageId, String ackType, List<Error> errors) {

    public record Error(String code, String text) {}
}
