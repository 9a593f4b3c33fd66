package org.dacsderms.runtime.enrollmentsyncack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a sync ack must meet before it is stored. The sync request id becomes a segment of the DACS URL, so it
 * is held to letters, digits, '-' and '_' (DACS ids are digits); the error list is bounded so one message cannot
 * fill the table.
 */
final class SyncAckValidator {

    static final int MAX_ERRORS = 100;
    static final Pattern SYNC_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Set<String> ACK_TYPES = Set.of("SUCCESS", "ERROR", "FAILURE");

    private SyncAckValidator() {}

    static List<String> defectsOf(SyncAckMessage ack) {
        List<String> defects = new ArrayList<>();
        if (ack.dacsMessageId() == null || ack.dacsMessageId().isBlank()) {
            defects.add("dacsMessageId is missing");
        } else if (!SYNC_REQUEST_ID.matcher(ack.dacsMessageId()).matches()) {
            defects.add("dacsMessageId must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (ack.ackType() == null || !ACK_TYPES.contains(ack.ackType())) {
            defects.add("ackType must be SUCCESS, ERROR or FAILURE");
        }
        List<SyncAckMessage.DermsError> errors = ack.errors() == null ? List.of() : ack.errors();
        if (errors.size() > MAX_ERRORS) {
            defects.add("errors holds " + errors.size() + " entries; at most " + MAX_ERRORS + " are taken");
        }
        for (int i = 0; i < errors.size() && i < MAX_ERRORS; i++) {
            SyncAckMessage.DermsError error = errors.get(i);
            if (error == null || (blank(error.code()) && blank(error.text()))) {
                defects.add("errors[" + i + "] has neither code nor text");
            }
        }
        return defects;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
