package org.dacsderms.runtime.devicestatusack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rules of a status check result from DERMS: the DACS {@code transactionID} holds 30 characters. */
final class StatusCheckAckValidator {

    static final int MAX_TRANSACTION_ID = 30;

    private static final Set<String> CODES = Set.of("SUCCESS", "FAILURE");

    private StatusCheckAckValidator() {}

    static List<String> defectsOf(StatusCheckAck ack) {
        List<String> defects = new ArrayList<>();
        if (ack.dacsMessageId() == null || ack.dacsMessageId().isBlank()) {
            defects.add("dacsMessageId is missing");
        } else if (ack.dacsMessageId().length() > MAX_TRANSACTION_ID) {
            defects.add("dacsMessageId is longer than " + MAX_TRANSACTION_ID + " characters");
        }
        if (ack.responseCode() == null || !CODES.contains(ack.responseCode())) {
            defects.add("responseCode must be SUCCESS or FAILURE");
        }
        return defects;
    }
}
