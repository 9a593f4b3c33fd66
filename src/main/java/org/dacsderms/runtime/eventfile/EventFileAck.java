package org.dacsderms.runtime.eventfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dacsderms.runtime.platform.message.MsgAck;
import org.dacsderms.runtime.platform.message.MsgAck.AckType;

/**
 * The acknowledgment of an event file to DERMS (messages.md sections 6 and 8): a MsgAck whose responses name each
 * failed segment and its record range, plus the account of every record (read, sent, rejected) and the rejected rows
 * with record id, line and reason. SUCCESS only when every record was sent; ERROR when DACS took every segment but
 * some rows could not be mapped; FAILURE when something was not delivered.
 */
record EventFileAck(AckType ackType, String errorText, Body body) {

    /** Failed segments named in the one-line error text; the responses list them all. */
    private static final int LISTED_IN_TEXT = 10;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(
            @JsonProperty("MsgAck") MsgAck.Body msgAck,
            String messageId,
            String eventId,
            String trackingId,
            long recordCount,
            long sentCount,
            long rejectedCount,
            long failedSegmentCount,
            String errorText,
            List<RejectedRecord> rejectedRecords) {}

    record RejectedRecord(String recordId, long line, String reason) {}

    static EventFileAck of(FileRun run, String now) {
        AckType type = typeOf(run);
        String errorText = type == AckType.SUCCESS ? null : errorText(run);
        List<MsgAck.Response> responses = new ArrayList<>();
        for (FileRun.FailedSegment failed : run.failedSegments()) {
            responses.add(new MsgAck.Response("segment-" + failed.number(), failed.range(), AckType.ERROR, now, null));
        }
        StagedFile file = run.file();
        List<RejectedRecord> rejected = run.rejections().stream()
                .map(r -> new RejectedRecord(r.recordId(), r.line(), r.reason()))
                .toList();
        Body body = new Body(
                MsgAck.of(type, now, responses).msgAck(),
                file.message().messageId(),
                file.message().eventId(),
                file.trackingId(),
                run.read(),
                run.sent(),
                run.rejected(),
                run.failedSegmentCount(),
                errorText,
                rejected);
        return new EventFileAck(type, errorText, body);
    }

    /** The text of the process e-mail: the account of the file, rejected rows and failed segments. */
    static String summary(FileRun run, EventFileAck ack) {
        StringBuilder text = new StringBuilder()
                .append("File:         ")
                .append(run.file().fileName())
                .append('\n')
                .append("Result:       ")
                .append(ack.ackType())
                .append(ack.errorText() == null ? "" : " - " + ack.errorText())
                .append('\n')
                .append("Records:      ")
                .append(run.read())
                .append(" read, ")
                .append(run.sent())
                .append(" sent, ")
                .append(run.rejected())
                .append(" rejected, ")
                .append(run.failedRecords())
                .append(" in failed segments\n");
        run.failedSegments().forEach(f -> text.append("Failed:       segment-")
                .append(f.number())
                .append(", ")
                .append(f.range())
                .append(": ")
                .append(f.reason())
                .append('\n'));
        run.rejections().forEach(r -> text.append("Rejected:     ").append(r).append('\n'));
        return text.toString();
    }

    private static AckType typeOf(FileRun run) {
        if (run.complete()) {
            return AckType.SUCCESS;
        }
        boolean delivered =
                run.healthError() == null && run.fileError() == null && run.read() > 0 && run.failedSegmentCount() == 0;
        return delivered ? AckType.ERROR : AckType.FAILURE;
    }

    private static String errorText(FileRun run) {
        if (run.healthError() != null) {
            return run.healthError() + "; nothing was sent, DERMS must resend the file";
        }
        List<String> parts = new ArrayList<>();
        if (run.fileError() != null) {
            parts.add(run.fileError());
        } else if (run.read() == 0) {
            parts.add("the file holds no records");
        }
        if (run.failedSegmentCount() > 0) {
            parts.add(run.failedSegmentCount() + " segment(s) not taken by DACS ("
                    + run.failedSegments().stream()
                            .limit(LISTED_IN_TEXT)
                            .map(f -> "segment-" + f.number() + " " + f.range())
                            .collect(Collectors.joining(", "))
                    + (run.failedSegmentCount() > LISTED_IN_TEXT ? ", ..." : "")
                    + "), " + run.failedRecords() + " record(s) not sent");
        }
        if (run.rejected() > 0) {
            parts.add(run.rejected() + " row(s) rejected and not sent");
        }
        return String.join("; ", parts);
    }
}
