package org.dacsderms.runtime.enrollmentsyncack;

import java.util.List;

/**
 * What starts an Enrollment Sync Ack (contract messages.md section 3): DERMS posts it to {@code /sendEnrollAck}, and
 * Enrollment Sync hands the same shape to {@code direct:enrollment-sync-ack-store} after DERMS answered.
 *
 * @param dacsMessageId the DACS sync request id
 * @param ackType {@code SUCCESS}, {@code ERROR} or {@code FAILURE}
 * @param errors what DERMS rejected; one DACS exception entry each
 */
public record SyncAckMessage(String dacsMessageId, String ackType, List<DermsError> errors) {

    /** One error DERMS reported. */
    public record DermsError(String code, String text) {}
}
