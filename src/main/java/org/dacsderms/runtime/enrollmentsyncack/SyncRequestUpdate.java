package org.dacsderms.runtime.enrollmentsyncack;

import java.util.List;

/** The body of DACS {@code PATCH .../syncRequest/{id}}: no exception when DERMS succeeded, one per DERMS error. */
public record SyncRequestUpdate(List<ExceptionInfo> exceptionInfo) {

    public record ExceptionInfo(
            int sequence,
            int messageCategory,
            int messageNumber,
            String comments,
            List<MessageParameter> messageParameters) {}

    public record MessageParameter(int parameterSequence, String messageParameterValue) {}
}
