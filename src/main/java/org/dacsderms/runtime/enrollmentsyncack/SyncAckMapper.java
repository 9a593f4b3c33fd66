package org.dacsderms.runtime.enrollmentsyncack;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what DERMS answered into the DACS sync request update (contract messages.md section 3). A SUCCESS has no
 * exception entry, whatever else DERMS sent; anything else has one entry per DERMS error, with the DERMS text as
 * comments (at most 254 characters) and the DERMS code as the only message parameter. An ERROR without any error
 * detail still gets one entry, so DACS never records a rejected sync as acknowledged cleanly.
 */
final class SyncAckMapper {

    static final int MAX_COMMENTS = 254;

    private final int messageCategory;
    private final int messageNumber;

    /** Category and number of every exception entry: ConfigProps, our choice of the contract's silent point. */
    SyncAckMapper(int messageCategory, int messageNumber) {
        this.messageCategory = messageCategory;
        this.messageNumber = messageNumber;
    }

    SyncRequestUpdate toDacs(SyncAckMessage ack) {
        if ("SUCCESS".equals(ack.ackType())) {
            return new SyncRequestUpdate(List.of());
        }
        List<SyncAckMessage.DermsError> errors = ack.errors() == null ? List.of() : ack.errors();
        if (errors.isEmpty()) {
            errors = List.of(new SyncAckMessage.DermsError(
                    ack.ackType(), "DERMS answered " + ack.ackType() + " without error details"));
        }
        List<SyncRequestUpdate.ExceptionInfo> entries = new ArrayList<>();
        for (SyncAckMessage.DermsError error : errors) {
            entries.add(entry(entries.size() + 1, error));
        }
        return new SyncRequestUpdate(entries);
    }

    private SyncRequestUpdate.ExceptionInfo entry(int sequence, SyncAckMessage.DermsError error) {
        List<SyncRequestUpdate.MessageParameter> parameters =
                error.code() == null ? List.of() : List.of(new SyncRequestUpdate.MessageParameter(1, error.code()));
        return new SyncRequestUpdate.ExceptionInfo(
                sequence, messageCategory, messageNumber, clip(error.text()), parameters);
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_COMMENTS ? text : text.substring(0, MAX_COMMENTS);
    }
}
